package vn.portal.platform.events;

import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How far "newer wins" may be pushed by one event. Consumers keep the newest revision of an article
 * and the newest vote or summary by time; without a bound, one event with revision 2^63-1 or dated
 * in the year 9999 would win against everything after it, for good (a replay would bring it back).
 * So an article event may be at most {@link #MAX_REVISION_STEP} revisions above what is stored,
 * and no event time may be more than {@link #MAX_CLOCK_SKEW} ahead of this service's clock. What
 * breaks either is an {@link InvalidEventException}: dead-lettered with the reason.
 */
public final class EventBounds {

    /** An editorial system publishes revisions one by one; a gap of a thousand is a broken producer. */
    public static final long MAX_REVISION_STEP = 1_000;
    /** How far a producer's clock may run ahead of ours. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    private EventBounds() {
    }

    /**
     * @param stored the stored revision of the article, 0 when it is not stored yet
     * @throws InvalidEventException when {@code revision} is more than {@link #MAX_REVISION_STEP} above it
     */
    public static void revisionStep(String articleId, long revision, long stored) {
        if (revision > stored && revision - stored > MAX_REVISION_STEP) {
            throw new InvalidEventException("article " + articleId + " revision " + revision + " is more than "
                    + MAX_REVISION_STEP + " above the stored revision " + stored);
        }
    }

    /** @throws InvalidEventException when any time in the event is beyond the clock skew in the future */
    static void notInTheFuture(Record event, Clock clock) {
        Instant latest = clock.instant().plus(MAX_CLOCK_SKEW);
        for (RecordComponent component : event.getClass().getRecordComponents()) {
            if (component.getType() != Instant.class) {
                continue;
            }
            Instant time;
            try {
                time = (Instant) component.getAccessor().invoke(event);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            if (time != null && time.isAfter(latest)) {
                throw new InvalidEventException(component.getName() + " " + time + " is in the future (more than "
                        + MAX_CLOCK_SKEW.toMinutes() + " minutes ahead of " + clock.instant() + ")");
            }
        }
    }
}
