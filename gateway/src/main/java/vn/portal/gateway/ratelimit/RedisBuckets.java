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
import reactor.core.publisher.Mono;

/**
 * Buckets in Redis (compare-and-swap through Lettuce), shared by every gateway instance. Keys
 * expire once their bucket would be full again. Configured and documented; the tests run the
 * in-memory store only (no Redis on the build machines).
 */
class RedisBuckets implements Buckets, AutoCloseable {

    private final RedisClient client;
    private final StatefulRedisConnection<String, byte[]> connection;
    private final AsyncProxyManager<String> buckets;

    RedisBuckets(String redisUri) {
        this.client = RedisClient.create(redisUri);
        this.connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
        this.buckets = Bucket4jLettuce.casBasedBuilder(connection)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .build()
                .asAsync();
    }

    @Override
    public Mono<ConsumptionProbe> tryConsume(String key, RateLimitProperties.Limit limit) {
        return Mono.fromFuture(() -> buckets.builder()
                .build("rate-limit:" + key, () -> java.util.concurrent.CompletableFuture.completedFuture(
                        Buckets.configuration(limit)))
                .tryConsumeAndReturnRemaining(1));
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
