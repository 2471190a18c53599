package vn.portal.gateway.problem;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.net.ConnectException;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Turns whatever failed inside the gateway into a problem detail: no route (404), a body too
 * large (413), a service that cannot be reached or whose circuit is open (503), a service too
 * slow (504). Runs ahead of Boot's error handler, and is also called by the outermost filter so
 * the access log sees the final status.
 */
@Component
@Order(-2)
public class ProblemExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        if (log.isDebugEnabled()) {
            log.debug("Answering {} {} after {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                    error.toString(), error);
        }
        // an open circuit: CallNotPermittedException, which a route's CircuitBreaker without a
        // fallback turns into Spring Cloud Gateway's ServiceUnavailableException (no cause)
        if (has(error, CallNotPermittedException.class) || has(error, ServiceUnavailableException.class)
                || hasNamed(error, "io.github.resilience4j.bulkhead.BulkheadFullException")) {
            return Problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                    "The service behind this path is failing; the gateway stops calling it for a while",
                    Map.of(HttpHeaders.RETRY_AFTER, "10"));
        }
        if (has(error, AuthenticationServiceException.class)) {
            log.warn("Cannot check tokens: {}", rootMessage(error));
            return Problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "identity-provider-unavailable",
                    "Tokens cannot be checked right now", Map.of(HttpHeaders.RETRY_AFTER, "10"));
        }
        ResponseStatusException statusError = find(error, ResponseStatusException.class);
        if (statusError != null) {
            return forStatus(exchange, statusError.getStatusCode(), statusError.getReason());
        }
        if (has(error, ConnectException.class) || has(error, java.net.UnknownHostException.class)
                || has(error, java.nio.channels.UnresolvedAddressException.class)) {
            return Problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                    "The service behind this path cannot be reached", Map.of(HttpHeaders.RETRY_AFTER, "10"));
        }
        if (has(error, TimeoutException.class)) {
            return forStatus(exchange, HttpStatus.GATEWAY_TIMEOUT, null);
        }
        if (has(error, java.io.IOException.class)) {
            return Problems.write(exchange, HttpStatus.BAD_GATEWAY, "bad-gateway",
                    "The service behind this path failed to answer", Map.of());
        }
        log.error("Unexpected failure in the gateway for {} {}", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(), error);
        return Problems.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "The gateway failed unexpectedly", Map.of());
    }

    private static Mono<Void> forStatus(ServerWebExchange exchange, HttpStatusCode code, String reason) {
        HttpStatus status = HttpStatus.resolve(code.value());
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        return switch (code.value()) {
            case 404 -> Problems.write(exchange, status, "not-found", "No API is served at this path");
            case 405 -> Problems.write(exchange, status, "method-not-allowed", reason);
            case 413 -> Problems.write(exchange, status, "payload-too-large",
                    reason != null ? reason : "The request body is too large");
            case 504 -> Problems.write(exchange, status, "gateway-timeout",
                    "The service behind this path did not answer in time");
            case 503 -> Problems.write(exchange, status, "service-unavailable",
                    "The service behind this path is unavailable", Map.of(HttpHeaders.RETRY_AFTER, "10"));
            case 502 -> Problems.write(exchange, status, "bad-gateway",
                    "The service behind this path failed to answer");
            default -> Problems.write(exchange, status, slug(status), reason);
        };
    }

    private static String slug(HttpStatus status) {
        return status.getReasonPhrase().toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }

    private static boolean has(Throwable error, Class<? extends Throwable> type) {
        return find(error, type) != null;
    }

    private static boolean hasNamed(Throwable error, String className) {
        for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e.getClass().getName().equals(className)) {
                return true;
            }
        }
        return false;
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (type.isInstance(e)) {
                return type.cast(e);
            }
        }
        return null;
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
