package vn.portal.gateway.ratelimit;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import vn.portal.gateway.web.MethodPaths;

/**
 * Limits per client address: every request, and rating requests more tightly. Runs before the
 * token check, so a flood of bad tokens is limited too.
 */
@Component
class AddressRateLimitFilter implements WebFilter, Ordered {

    private final Buckets buckets;
    private final RateLimitProperties properties;
    private final ClientAddress clientAddress;
    private final MethodPaths ratings;

    AddressRateLimitFilter(Buckets buckets, RateLimitProperties properties, ClientAddress clientAddress) {
        this.buckets = buckets;
        this.properties = properties;
        this.clientAddress = clientAddress;
        this.ratings = MethodPaths.of(properties.ratings());
    }

    @Override
    public int getOrder() {
        return -300;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String address = clientAddress.limitKey(exchange.getRequest());
        return buckets.tryConsume("address:" + address, properties.perAddress()).flatMap(all -> {
            if (!all.isConsumed()) {
                return RateLimited.answer(exchange, all,
                        "Too many requests from this address; try again in {seconds} s");
            }
            if (!ratings.matches(exchange.getRequest())) {
                return chain.filter(exchange);
            }
            return buckets.tryConsume("ratings-address:" + address, properties.ratingsPerAddress())
                    .flatMap(rating -> rating.isConsumed() ? chain.filter(exchange)
                            : RateLimited.answer(exchange, rating,
                                    "Quá nhiều lượt đánh giá từ địa chỉ này, vui lòng thử lại sau {seconds} giây"));
        });
    }
}
