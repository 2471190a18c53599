package vn.portal.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MemoryBucketsTest {

    @Test
    void refusesOnceTheBucketIsEmptyAndSaysWhenToComeBack() {
        MemoryBuckets buckets = new MemoryBuckets();
        RateLimitProperties.Limit twoAMinute = new RateLimitProperties.Limit(2, Duration.ofMinutes(1));

        assertThat(buckets.tryConsume("k", twoAMinute).block().isConsumed()).isTrue();
        assertThat(buckets.tryConsume("k", twoAMinute).block().isConsumed()).isTrue();
        var refused = buckets.tryConsume("k", twoAMinute).block();

        assertThat(refused.isConsumed()).isFalse();
        assertThat(Duration.ofNanos(refused.getNanosToWaitForRefill())).isBetween(Duration.ofSeconds(25), Duration.ofSeconds(30));
        assertThat(buckets.tryConsume("other", twoAMinute).block().isConsumed()).isTrue();
    }

    @Test
    void forgetsBucketsThatHaveBeenIdleLongEnoughToBeFullAgain() {
        AtomicLong now = new AtomicLong();
        MemoryBuckets buckets = new MemoryBuckets(now::get);
        RateLimitProperties.Limit perMinute = new RateLimitProperties.Limit(10, Duration.ofMinutes(1));
        for (int i = 0; i < 100; i++) {
            buckets.tryConsume("address:" + i, perMinute).block();
        }
        now.addAndGet(Duration.ofMinutes(2).toNanos());

        for (int i = 0; i < 1024; i++) {
            buckets.tryConsume("active", perMinute).block();
        }

        assertThat(buckets.size()).isEqualTo(1);
    }
}
