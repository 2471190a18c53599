package vn.portal.gateway.web;

import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import vn.portal.gateway.problem.ProblemExceptionHandler;
import vn.portal.gateway.problem.Problems;
import vn.portal.identity.PlatformHeaders;

/**
 * The outermost filter. Keeps a client's {@code X-Request-Id} when it is safe (letters, digits,
 * {@code . _ : -}, at most 100) or makes one; forwards it to the service, returns it on the
 * response, and writes one access log line per request with method, path, status, duration and
 * the id. Failures become problem details here, so the log line shows the status sent.
 */
@Component
class RequestIdFilter implements WebFilter, Ordered {

    private static final Logger access = LoggerFactory.getLogger("vn.portal.gateway.access");
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private final ProblemExceptionHandler problems;

    RequestIdFilter(ProblemExceptionHandler problems) {
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long started = System.nanoTime();
        String given = exchange.getRequest().getHeaders().getFirst(PlatformHeaders.REQUEST_ID);
        String requestId = given != null && SAFE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        ServerHttpRequest request = exchange.getRequest().mutate()
                .headers(headers -> headers.set(PlatformHeaders.REQUEST_ID, requestId)).build();
        ServerWebExchange withId = exchange.mutate().request(request).build();
        withId.getAttributes().put(Problems.REQUEST_ID_ATTRIBUTE, requestId);
        withId.getAttributes().put(Problems.PATH_ATTRIBUTE, request.getPath().value());
        // set, not add: the service echoes the id too
        withId.getResponse().beforeCommit(() -> {
            withId.getResponse().getHeaders().set(PlatformHeaders.REQUEST_ID, requestId);
            return Mono.empty();
        });
        return chain.filter(withId)
                .onErrorResume(error -> problems.handle(withId, error))
                .doFinally(signal -> {
                    HttpStatusCode status = withId.getResponse().getStatusCode();
                    access.info("{} {} {} {} ms requestId={}{}", request.getMethod(), request.getPath().value(),
                            status == null ? 200 : status.value(),
                            (System.nanoTime() - started) / 1_000_000, requestId,
                            signal == reactor.core.publisher.SignalType.CANCEL ? " (client went away)" : "");
                });
    }
}
