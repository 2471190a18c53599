package vn.portal.rating.summary;

import static org.springframework.data.mongodb.core.aggregation.Aggregation.group;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.match;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.newAggregation;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import vn.portal.contracts.ArticleRated;
import vn.portal.contracts.ArticleRatingSummary;
import vn.portal.contracts.Topics;
import vn.portal.platform.events.EventPublisher;
import vn.portal.platform.events.IncomingEvents;
import vn.portal.platform.mongo.Projections;
import vn.portal.rating.vote.Vote;

/**
 * Folds ArticleRated into totals exactly once. Each record upserts the voter's current vote
 * (newer ratedAt wins, so duplicates, redeliveries and replays change nothing), then the
 * article's totals are recomputed from its votes: the totals are a function of the votes, never
 * an increment that a redelivery could apply twice, and a record redelivered after a crash
 * half-way completes what the first delivery began.
 */
@Component
class VoteTally {

    /** Its own consumer group, so that a replay can rewind it without touching other listeners. */
    static final String GROUP = "rating-service-tally";
    static final String LISTENER = "rating-tally";

    private final MongoTemplate mongo;
    private final IncomingEvents incoming;
    private final EventPublisher events;
    private final MeterRegistry meters;
    private final Clock clock;
    private final AtomicLong lastRatedAtMillis = new AtomicLong();

    VoteTally(MongoTemplate mongo, IncomingEvents incoming, EventPublisher events, MeterRegistry meters, Clock clock) {
        this.mongo = mongo;
        this.incoming = incoming;
        this.events = events;
        this.meters = meters;
        this.clock = clock;
        Gauge.builder("ratings.tally.lag", this, tally -> tally.lagSeconds()).baseUnit("seconds")
                .description("age of the newest vote the tally has applied").register(meters);
    }

    @KafkaListener(id = LISTENER, groupId = GROUP, topics = Topics.ARTICLE_RATED)
    void onRated(ConsumerRecord<String, byte[]> record) {
        ArticleRated rated = incoming.read(record, ArticleRated.class);
        lastRatedAtMillis.accumulateAndGet(rated.ratedAt().toEpochMilli(), Math::max);
        String id = Vote.id(rated.articleId(), rated.voterId());
        boolean applied = Projections.upsertIfNewer(mongo, Vote.class, id, Criteria.where("ratedAt").lt(rated.ratedAt()),
                new Update().set("articleId", rated.articleId()).set("voterId", rated.voterId())
                        .set("stars", rated.stars()).set("ratingId", rated.ratingId()).set("ratedAt", rated.ratedAt()));
        // not applied: this voter's stored vote is this one or newer, a duplicate or a late record
        meters.counter("ratings.tallied", "outcome", applied ? "applied" : "duplicate-or-stale").increment();
        // recomputed even for a duplicate: a redelivery after a crash between the vote's write and
        // the totals' write must still bring the totals and the summary up to date
        RatingTotals totals = recompute(rated.articleId());
        events.publish(new ArticleRatingSummary(totals.articleId(), totals.points(), totals.count(),
                totals.average(), totals.histogram(), totals.score(), totals.updatedAt()), totals.articleId());
    }

    private double lagSeconds() {
        long last = lastRatedAtMillis.get();
        return last == 0 ? 0 : Math.max(0, clock.millis() - last) / 1000.0;
    }

    private RatingTotals recompute(String articleId) {
        List<Long> histogram = new ArrayList<>(Collections.nCopies(5, 0L));
        mongo.aggregate(newAggregation(match(Criteria.where("articleId").is(articleId)),
                        group("stars").count().as("votes")), Vote.class, Document.class)
                .forEach(row -> histogram.set(row.getInteger("_id") - 1, ((Number) row.get("votes")).longValue()));
        long count = 0;
        long points = 0;
        for (int stars = 1; stars <= 5; stars++) {
            count += histogram.get(stars - 1);
            points += stars * histogram.get(stars - 1);
        }
        RatingTotals totals = new RatingTotals(articleId, points, count, List.copyOf(histogram), clock.instant());
        mongo.save(totals);
        return totals;
    }
}
