package vn.portal.gateway.ratelimit;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import vn.portal.gateway.voter.Voter;
import vn.portal.gateway.web.MethodPaths;

/** Limits rating requests per voter; runs once the voter is known (after VoterIdentityFilter). */
@Component
class VoterRateLimitFilter implements WebFilter, Ordered {

    private final Buckets buckets;
    private final RateLimitProperties properties;
    private final MethodPaths ratings;

    VoterRateLimitFilter(Buckets buckets, RateLimitProperties properties) {
        this.buckets = buckets;
        this.properties = properties;
        this.ratings = MethodPaths.of(properties.ratings());
    }

    @Override
    public int getOrder() {
        return -40;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!ratings.matches(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        return Voter.of(exchange)
                .map(voter -> buckets.tryConsume("ratings-voter:" + voter, properties.ratingsPerVoter())
                        .flatMap(probe -> probe.isConsumed() ? chain.filter(exchange)
                                : RateLimited.answer(exchange, probe,
                                        "Bạn đánh giá quá nhanh, vui lòng thử lại sau {seconds} giây")))
                .orElseGet(() -> chain.filter(exchange));
    }
}
