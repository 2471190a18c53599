package vn.portal.gateway.ratelimit;

import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.ConnectionFuture;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Buckets in Redis (compare-and-swap through Lettuce), shared by every gateway instance; keys
 * expire once their bucket would be full again. When Redis cannot be reached the request is let
 * through (and logged): the limits protect the services, an outage of the limiter must not take
 * the portal down, nor slow it down. So no request ever waits for a connection: the connection
 * is opened in the background (at start, and again when a request finds none), requests pass
 * unlimited until it is there, and after any failure (connecting, or a call that fails or takes
 * longer than {@value #TIMEOUT_SECONDS} s) Redis is left alone for {@code backOff} (30 s) and
 * requests pass unlimited meanwhile. Configured and documented; the tests check only how it
 * fails (no Redis on the build machines).
 */
class RedisBuckets implements Buckets, AutoCloseable {

    static final Duration BACK_OFF = Duration.ofSeconds(30);
    private static final int TIMEOUT_SECONDS = 2;
    private static final Duration TIMEOUT = Duration.ofSeconds(TIMEOUT_SECONDS);
    private static final Logger log = LoggerFactory.getLogger(RedisBuckets.class);
    private static final long WARN_EVERY_NANOS = Duration.ofMinutes(1).toNanos();
    private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

    private final RedisURI uri;
    private final RedisClient client;
    private final long backOffNanos;
    private final LongSupplier nanoClock;
    private final AtomicLong lastFailure;
    private final AtomicLong lastWarning;
    private final AtomicBoolean connecting = new AtomicBoolean();
    private final AtomicInteger connectionAttempts = new AtomicInteger();
    private volatile StatefulRedisConnection<String, byte[]> connection;
    private volatile AsyncProxyManager<String> buckets;
    private volatile boolean closed;

    RedisBuckets(String redisUri) {
        this(redisUri, BACK_OFF, System::nanoTime);
    }

    /** With another back-off and clock (tests). */
    RedisBuckets(String redisUri, Duration backOff, LongSupplier nanoClock) {
        this.uri = RedisURI.create(redisUri);
        if (uri.getTimeout().equals(RedisURI.DEFAULT_TIMEOUT_DURATION)) {
            uri.setTimeout(TIMEOUT); // commands and the connection handshake; Lettuce's default is 60 s
        }
        this.client = RedisClient.create();
        client.setOptions(ClientOptions.builder()
                .socketOptions(SocketOptions.builder().connectTimeout(TIMEOUT).build())
                // while Lettuce reconnects, a call fails at once instead of waiting in its queue
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .build());
        this.backOffNanos = backOff.toNanos();
        this.nanoClock = nanoClock;
        log.info("Rate limits are kept in Redis at {}:{}", uri.getHost(), uri.getPort()); // never the password
        long now = nanoClock.getAsLong();
        this.lastFailure = new AtomicLong(now - backOffNanos);
        this.lastWarning = new AtomicLong(now - WARN_EVERY_NANOS);
        connect();
    }

    @Override
    public Mono<ConsumptionProbe> tryConsume(String key, RateLimitProperties.Limit limit) {
        if (backingOff()) {
            return unlimited(limit);
        }
        AsyncProxyManager<String> manager = buckets;
        if (manager == null) {
            connect();
            return unlimited(limit);
        }
        return Mono.fromFuture(() -> manager.builder()
                        .build("rate-limit:" + key, () -> CompletableFuture.completedFuture(Buckets.configuration(limit)))
                        .tryConsumeAndReturnRemaining(1))
                .timeout(TIMEOUT)
                .onErrorResume(error -> {
                    failed(error);
                    return unlimited(limit);
                });
    }

    /** Whether Redis failed less than the back-off ago, and is left alone until then. */
    boolean backingOff() {
        return nanoClock.getAsLong() - lastFailure.get() < backOffNanos;
    }

    /** How often a connection was attempted. */
    int connectionAttempts() {
        return connectionAttempts.get();
    }

    /** Opens the connection in the background, unless it is being opened already. */
    private void connect() {
        if (closed || !connecting.compareAndSet(false, true)) {
            return;
        }
        connectionAttempts.incrementAndGet();
        ConnectionFuture<StatefulRedisConnection<String, byte[]>> attempt;
        try {
            attempt = client.connectAsync(CODEC, uri);
        } catch (RuntimeException e) {
            failed(e);
            connecting.set(false);
            return;
        }
        attempt.whenComplete((connected, error) -> {
            try {
                if (error != null) {
                    failed(error);
                } else if (closed) {
                    connected.closeAsync();
                } else {
                    connection = connected;
                    buckets = Bucket4jLettuce.casBasedBuilder(connected)
                            .expirationAfterWrite(ExpirationAfterWriteStrategy
                                    .basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                            .build()
                            .asAsync();
                    log.info("Rate limits: connected to Redis at {}:{}", uri.getHost(), uri.getPort());
                }
            } catch (RuntimeException e) {
                failed(e);
            } finally {
                connecting.set(false);
            }
        });
    }

    private void failed(Throwable error) {
        long now = nanoClock.getAsLong();
        lastFailure.set(now);
        long last = lastWarning.get();
        if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
            log.warn("Rate limits are not enforced: Redis cannot be reached ({}); trying again in {} s",
                    error.toString(), Duration.ofNanos(backOffNanos).toSeconds());
        }
    }

    private static Mono<ConsumptionProbe> unlimited(RateLimitProperties.Limit limit) {
        return Mono.just(ConsumptionProbe.consumed(limit.requests(), 0));
    }

    @Override
    public void close() {
        closed = true;
        StatefulRedisConnection<String, byte[]> open = connection;
        if (open != null) {
            open.close();
        }
        client.shutdown();
    }
}
