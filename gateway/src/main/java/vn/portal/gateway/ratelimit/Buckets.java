package vn.portal.gateway.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import reactor.core.publisher.Mono;

/** Token buckets by key, in this JVM or in Redis. */
interface Buckets {

    /** Takes one token from the bucket {@code key}, made with {@code limit} when new. */
    Mono<ConsumptionProbe> tryConsume(String key, RateLimitProperties.Limit limit);

    static BucketConfiguration configuration(RateLimitProperties.Limit limit) {
        return BucketConfiguration.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.requests()).refillGreedy(limit.requests(), limit.per()))
                .build();
    }
}
