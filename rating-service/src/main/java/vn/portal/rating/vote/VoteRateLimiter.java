package vn.portal.rating.vote;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * rating-service protects itself: at most {@code rating.limits.votes-per-voter-per-minute} votes
 * per voter in a fixed one-minute window (per-address limits are the gateway's). In memory, per
 * instance; windows of past minutes are dropped as the next minute starts.
 */
@Component
class VoteRateLimiter {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final int limit;
    private final Clock clock;
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private volatile long currentWindow;

    VoteRateLimiter(@Value("${rating.limits.votes-per-voter-per-minute:10}") int limit, Clock clock) {
        this.limit = limit;
        this.clock = clock;
    }

    /** Zero when the vote may go ahead, otherwise the seconds until the voter may vote again. */
    long secondsToWait(String voterId) {
        long now = clock.millis();
        long window = now / WINDOW.toMillis();
        if (window != currentWindow) {
            synchronized (this) {
                if (window != currentWindow) {
                    counts.clear();
                    currentWindow = window;
                }
            }
        }
        if (counts.computeIfAbsent(voterId, id -> new AtomicInteger()).incrementAndGet() <= limit) {
            return 0;
        }
        return Math.max(1, ((window + 1) * WINDOW.toMillis() - now + 999) / 1000);
    }
}
