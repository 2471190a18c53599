package vn.portal.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.bucket4j.ConsumptionProbe;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The Redis store itself needs a Redis server (none here); this checks only how it fails: open,
 * without any request waiting for Redis, and leaving Redis alone for a while after a failure.
 */
class RedisBucketsTest {

    static final RateLimitProperties.Limit ONE_A_MINUTE = new RateLimitProperties.Limit(1, Duration.ofMinutes(1));

    @Test
    void letsRequestsThroughWhenRedisCannotBeReached() {
        try (RedisBuckets buckets = new RedisBuckets("redis://127.0.0.1:1")) {
            for (int i = 0; i < 3; i++) {
                var probe = buckets.tryConsume("address:203.0.113.1", ONE_A_MINUTE).block(Duration.ofSeconds(10));

                assertThat(probe).isNotNull();
                assertThat(probe.isConsumed()).isTrue();
            }
        }
    }

    @Test
    void skipsRedisWithoutWaitingDuringTheBackOffAfterAFailedConnection() {
        AtomicLong clock = new AtomicLong();
        try (RedisBuckets buckets = new RedisBuckets("redis://127.0.0.1:1", Duration.ofSeconds(30), clock::get)) {
            await().atMost(Duration.ofSeconds(10)).until(buckets::backingOff);
            assertThat(buckets.connectionAttempts()).isEqualTo(1);

            clock.addAndGet(Duration.ofSeconds(29).toNanos());
            long started = System.nanoTime();
            for (int i = 0; i < 100; i++) {
                assertThat(consume(buckets).isConsumed()).isTrue();
            }

            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("100 requests").isLessThan(Duration.ofMillis(500));
            assertThat(buckets.connectionAttempts()).as("no connection attempted within the back-off").isEqualTo(1);

            clock.addAndGet(Duration.ofSeconds(2).toNanos());
            assertThat(consume(buckets).isConsumed()).isTrue();
            assertThat(buckets.connectionAttempts()).as("tried again once the back-off is over").isEqualTo(2);
            await().atMost(Duration.ofSeconds(10)).until(buckets::backingOff);
        }
    }

    @Test
    void neverMakesARequestWaitForARedisThatDoesNotAnswer() throws Exception {
        // accepts connections (the kernel does, into the backlog) and never says a word
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             RedisBuckets buckets = new RedisBuckets("redis://127.0.0.1:" + silent.getLocalPort())) {
            long started = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                assertThat(consume(buckets).isConsumed()).isTrue();
            }

            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("while connecting").isLessThan(Duration.ofMillis(500));
            await().atMost(Duration.ofSeconds(10)).until(buckets::backingOff);
            started = System.nanoTime();
            assertThat(consume(buckets).isConsumed()).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("after the failure").isLessThan(Duration.ofMillis(100));
            assertThat(buckets.connectionAttempts()).isEqualTo(1);
        }
    }

    private static ConsumptionProbe consume(RedisBuckets buckets) {
        ConsumptionProbe probe = buckets.tryConsume("address:203.0.113.1", ONE_A_MINUTE).block(Duration.ofSeconds(10));
        assertThat(probe).isNotNull();
        return probe;
    }
}
