package vn.portal.gateway.ratelimit;

import io.github.bucket4j.ConsumptionProbe;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.portal.gateway.problem.Problems;

/** The 429 answer: a problem detail and {@code Retry-After} in whole seconds. */
final class RateLimited {

    private RateLimited() {
    }

    static Mono<Void> answer(ServerWebExchange exchange, ConsumptionProbe probe, String detail) {
        return answer(exchange, probe, "too-many-requests", detail);
    }

    static Mono<Void> answer(ServerWebExchange exchange, ConsumptionProbe probe, String slug, String detail) {
        return answer(exchange, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L), slug, detail);
    }

    static Mono<Void> answer(ServerWebExchange exchange, long waitSeconds, String slug, String detail) {
        long seconds = Math.max(1, waitSeconds);
        return Problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, slug,
                detail.replace("{seconds}", Long.toString(seconds)),
                Map.of(HttpHeaders.RETRY_AFTER, Long.toString(seconds)));
    }
}
