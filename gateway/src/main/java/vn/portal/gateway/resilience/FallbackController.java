package vn.portal.gateway.resilience;

import io.swagger.v3.oas.annotations.Hidden;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.portal.gateway.problem.Problems;

/**
 * Where a route's circuit breaker sends a request when its service is down, failing or too slow
 * (route filter {@code CircuitBreaker} with {@code fallbackUri: forward:/fallback/...}): a 503
 * problem with a Vietnamese message the portal can show in place of the rating line or the
 * photo library, while the article itself is still served.
 */
@Hidden
@RestController
class FallbackController {

    @RequestMapping("/fallback/ratings")
    Mono<Void> ratings(ServerWebExchange exchange) {
        return unavailable(exchange, "rating-unavailable", "Chức năng đánh giá tạm thời không khả dụng");
    }

    @RequestMapping("/fallback/media")
    Mono<Void> media(ServerWebExchange exchange) {
        return unavailable(exchange, "media-unavailable", "Thư viện ảnh tạm thời không khả dụng");
    }

    private static Mono<Void> unavailable(ServerWebExchange exchange, String slug, String message) {
        return Problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, slug, message,
                Map.of(HttpHeaders.RETRY_AFTER, "30"));
    }
}
