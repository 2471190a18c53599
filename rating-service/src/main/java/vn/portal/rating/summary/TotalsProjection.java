package vn.portal.rating.summary;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import vn.portal.contracts.ArticleRatingSummary;
import vn.portal.platform.mongo.Projections;

/**
 * Applies the tally's summaries to rating-service's totals ({@link RatingTotals}, collection
 * {@code totals}), idempotent and order-safe by {@code updatedAt} (older totals never replace
 * newer ones); what {@link RatingController} reads.
 */
@Component
class TotalsProjection {

    private final MongoTemplate mongo;
    private final MeterRegistry meters;

    TotalsProjection(MongoTemplate mongo, MeterRegistry meters) {
        this.mongo = mongo;
        this.meters = meters;
    }

    String apply(ArticleRatingSummary summary) {
        // the same updatedAt (MongoDB keeps milliseconds) is the same totals again
        boolean applied = Projections.upsertIfNewer(mongo, RatingTotals.class, summary.articleId(),
                Criteria.where("updatedAt").lte(summary.updatedAt()),
                new Update().set("points", summary.points()).set("count", summary.count())
                        .set("histogram", summary.histogram()).set("updatedAt", summary.updatedAt()));
        String outcome = applied ? "applied" : "stale";
        meters.counter("ratings.totals.received", "outcome", outcome).increment();
        return outcome;
    }
}
