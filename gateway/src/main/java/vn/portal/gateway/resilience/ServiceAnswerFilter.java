package vn.portal.gateway.resilience;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.filter.factory.SpringCloudCircuitBreakerFilterFactory.CircuitBreakerStatusCodeException;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A route's {@code CircuitBreaker} counts a service's 5xx answers as failures ({@code statusCodes}):
 * it fails the call with a {@link CircuitBreakerStatusCodeException}. With a fallback the
 * breaker answers from there; without one, that exception would turn the service's own answer
 * into the gateway's 500. This filter sits between the route's filters and
 * {@link NettyWriteResponseFilter} (which copies the service's body to the client) and lets the
 * call complete, so the client gets the service's status, headers and body unchanged while the
 * breaker has recorded the failure.
 */
@Component
class ServiceAnswerFilter implements GlobalFilter, Ordered {

    @Override
    public int getOrder() {
        // route filters are ordered 1, 2, ... in their declared order
        return NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER + 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return chain.filter(exchange).onErrorResume(CircuitBreakerStatusCodeException.class, failed -> Mono.empty());
    }
}
