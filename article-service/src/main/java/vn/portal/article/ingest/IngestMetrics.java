package vn.portal.article.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * {@code articles.ingested{outcome=applied|duplicate|stale|dead-lettered}} and
 * {@code articles.ingest.lag}: the seconds between an event's time ({@code ce_time}, else the
 * Kafka record timestamp) and the moment it was applied, for the last applied record. Kafka's
 * own consumer lag (in records) is exported too, as {@code kafka.consumer.fetch.manager.records.lag}.
 */
@Component
class IngestMetrics {

    private final Map<Outcome, Counter> counters = new EnumMap<>(Outcome.class);
    private final AtomicLong lagMillis = new AtomicLong();
    private final Clock clock;

    IngestMetrics(MeterRegistry meters, Clock clock) {
        this.clock = clock;
        for (Outcome outcome : Outcome.values()) {
            counters.put(outcome, Counter.builder("articles.ingested").tag("outcome", outcome.tag())
                    .description("article events ingested, by outcome").register(meters));
        }
        Gauge.builder("articles.ingest.lag", lagMillis, millis -> millis.get() / 1000.0)
                .baseUnit("seconds")
                .description("event time to applied, for the last applied article event")
                .register(meters);
    }

    void count(Outcome outcome, Instant eventTime) {
        counters.get(outcome).increment();
        if (outcome == Outcome.APPLIED && eventTime != null) {
            lagMillis.set(Math.max(0, Duration.between(eventTime, clock.instant()).toMillis()));
        }
    }
}
