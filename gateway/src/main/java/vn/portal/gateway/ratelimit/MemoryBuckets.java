package vn.portal.gateway.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import reactor.core.publisher.Mono;

/**
 * Buckets in this JVM. A bucket idle for longer than its refill period is full again and is
 * dropped, so the map holds only recently active addresses and voters.
 */
class MemoryBuckets implements Buckets {

    private record Held(Bucket bucket, long idleAfterNanos, AtomicLong lastUsed) {
    }

    private static final int SWEEP_EVERY = 1024;

    private final Map<String, Held> buckets = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();
    private final LongSupplier nanoClock;

    MemoryBuckets() {
        this(System::nanoTime);
    }

    /** With the clock that decides when an idle bucket is dropped (tests). */
    MemoryBuckets(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    @Override
    public Mono<ConsumptionProbe> tryConsume(String key, RateLimitProperties.Limit limit) {
        long now = nanoClock.getAsLong();
        if (calls.incrementAndGet() % SWEEP_EVERY == 0) {
            buckets.values().removeIf(held -> now - held.lastUsed().get() > held.idleAfterNanos());
        }
        Held held = buckets.computeIfAbsent(key, k -> new Held(
                Bucket.builder().addLimit(bandwidth -> bandwidth.capacity(limit.requests())
                        .refillGreedy(limit.requests(), limit.per())).build(),
                limit.per().toNanos(), new AtomicLong(now)));
        held.lastUsed().set(now);
        return Mono.just(held.bucket().tryConsumeAndReturnRemaining(1));
    }

    int size() {
        return buckets.size();
    }
}
