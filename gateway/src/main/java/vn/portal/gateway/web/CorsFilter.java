package vn.portal.gateway.web;

import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import vn.portal.gateway.problem.Problems;

/**
 * CORS for the configured portal origins only ({@code gateway.cors.allowed-origins}); a browser
 * request from any other origin is refused with a 403 problem. Runs before the rate limits and
 * the token check, so that even their refusals are readable by the portal's scripts.
 */
@Component
class CorsFilter implements org.springframework.web.server.WebFilter, Ordered {

    private final CorsWebFilter delegate;

    CorsFilter(CorsProperties properties) {
        CorsConfiguration config = new CorsConfiguration();
        config.setAllowedOrigins(properties.allowedOrigins());
        config.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
        config.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", "Accept-Language",
                "If-None-Match", "If-Modified-Since", "X-Request-Id"));
        config.setExposedHeaders(List.of("X-Request-Id", "Retry-After", "ETag", "Location", "Content-Disposition"));
        config.setAllowCredentials(true); // the voter cookie
        config.setMaxAge(properties.maxAge());
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", config);
        this.delegate = new CorsWebFilter(source, new ProblemCorsProcessor());
    }

    @Override
    public int getOrder() {
        return -500;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!CorsUtils.isCorsRequest(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        return delegate.filter(exchange, chain).then(Mono.defer(() -> exchange.getAttributes().containsKey(REJECTED)
                ? Problems.write(exchange, HttpStatus.FORBIDDEN, "cors-origin-not-allowed",
                        "Pages from this origin may not call the portal API")
                : Mono.empty()));
    }

    private static final class ProblemCorsProcessor extends DefaultCorsProcessor {
        @Override
        public boolean process(CorsConfiguration config, ServerWebExchange exchange) {
            boolean allowed = super.process(config, exchange);
            if (!allowed) {
                exchange.getAttributes().put(REJECTED, Boolean.TRUE);
            }
            return allowed;
        }
    }

    private static final String REJECTED = CorsFilter.class.getName() + ".rejected";
}
