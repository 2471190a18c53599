package vn.portal.gateway.ratelimit;

import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Buckets in Redis (compare-and-swap through Lettuce), shared by every gateway instance; keys
 * expire once their bucket would be full again. Connects on first use. When Redis cannot be
 * reached the request is let through (and logged): the limits protect the services, an outage
 * of the limiter must not take the portal down. Configured and documented; the tests run the
 * in-memory store only (no Redis on the build machines).
 */
class RedisBuckets implements Buckets, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisBuckets.class);
    private static final long WARN_EVERY_NANOS = Duration.ofMinutes(1).toNanos();

    private final RedisClient client;
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);
    private volatile StatefulRedisConnection<String, byte[]> connection;
    private volatile AsyncProxyManager<String> buckets;

    RedisBuckets(String redisUri) {
        this.client = RedisClient.create(redisUri);
        client.setDefaultTimeout(Duration.ofSeconds(2));
    }

    @Override
    public Mono<ConsumptionProbe> tryConsume(String key, RateLimitProperties.Limit limit) {
        return Mono.fromCallable(this::buckets)
                .subscribeOn(Schedulers.boundedElastic()) // the first call connects, blocking
                .flatMap(manager -> Mono.fromFuture(() -> manager.builder()
                        .build("rate-limit:" + key, () -> CompletableFuture.completedFuture(Buckets.configuration(limit)))
                        .tryConsumeAndReturnRemaining(1)))
                .onErrorResume(error -> {
                    long now = System.nanoTime();
                    long last = lastWarning.get();
                    if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
                        log.warn("Rate limits are not enforced: Redis cannot be reached ({})", error.toString());
                    }
                    return Mono.just(ConsumptionProbe.consumed(limit.requests(), 0));
                });
    }

    private AsyncProxyManager<String> buckets() {
        AsyncProxyManager<String> manager = buckets;
        if (manager == null) {
            synchronized (this) {
                if (buckets == null) {
                    connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
                    buckets = Bucket4jLettuce.casBasedBuilder(connection)
                            .expirationAfterWrite(ExpirationAfterWriteStrategy
                                    .basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                            .build()
                            .asAsync();
                }
                manager = buckets;
            }
        }
        return manager;
    }

    @Override
    public void close() {
        if (connection != null) {
            connection.close();
        }
        client.shutdown();
    }
}
