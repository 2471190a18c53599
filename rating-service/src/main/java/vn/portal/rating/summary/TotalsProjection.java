package vn.portal.rating.summary;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import vn.portal.contracts.ArticleRatingSummary;
import vn.portal.contracts.Topics;
import vn.portal.platform.events.IncomingEvents;
import vn.portal.platform.mongo.Projections;

/**
 * rating-service's totals ({@link RatingTotals}, collection {@code totals}) from the tally's own
 * output, the compacted {@code ArticleRatingSummary} topic: what {@link RatingController} and
 * the rebuild ({@link ReadModelReplay}) read.
 */
@Component
class TotalsProjection {

    /** Its own group, so that a replay can rewind it without touching other listeners. */
    static final String GROUP = "rating-service-totals";
    static final String LISTENER = "rating-totals";

    private final MongoTemplate mongo;
    private final IncomingEvents incoming;
    private final MeterRegistry meters;

    TotalsProjection(MongoTemplate mongo, IncomingEvents incoming, MeterRegistry meters) {
        this.mongo = mongo;
        this.incoming = incoming;
        this.meters = meters;
    }

    @KafkaListener(id = LISTENER, groupId = GROUP, topics = Topics.ARTICLE_RATING_SUMMARY)
    void onSummary(ConsumerRecord<String, byte[]> record) {
        ArticleRatingSummary summary = incoming.read(record, ArticleRatingSummary.class);
        // older totals never replace newer ones; the same updatedAt (MongoDB keeps milliseconds) is the same totals again
        boolean applied = Projections.upsertIfNewer(mongo, RatingTotals.class, summary.articleId(),
                Criteria.where("updatedAt").lte(summary.updatedAt()),
                new Update().set("points", summary.points()).set("count", summary.count())
                        .set("histogram", summary.histogram()).set("updatedAt", summary.updatedAt()));
        meters.counter("ratings.totals.received", "outcome", applied ? "applied" : "stale").increment();
    }
}
