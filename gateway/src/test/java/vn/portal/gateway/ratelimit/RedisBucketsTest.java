package vn.portal.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The Redis store itself needs a Redis server (none here); this checks only how it fails. */
class RedisBucketsTest {

    @Test
    void letsRequestsThroughWhenRedisCannotBeReached() {
        try (RedisBuckets buckets = new RedisBuckets("redis://127.0.0.1:1")) {
            var probe = buckets.tryConsume("address:203.0.113.1", new RateLimitProperties.Limit(1, Duration.ofMinutes(1)))
                    .block(Duration.ofSeconds(10));

            assertThat(probe).isNotNull();
            assertThat(probe.isConsumed()).isTrue();
        }
    }
}
