package vn.portal.article.rating;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import vn.portal.contracts.ArticleRatingSummary;
import vn.portal.platform.mongo.Projections;

/**
 * Keeps the current rating totals of each article in the {@code ratings} collection, idempotent
 * and order-safe by the summary's {@code updatedAt}: older totals never replace newer ones.
 */
@Component
class RatingProjection {

    private static final Logger log = LoggerFactory.getLogger(RatingProjection.class);

    private final MongoTemplate mongo;
    private final MeterRegistry meters;

    RatingProjection(MongoTemplate mongo, MeterRegistry meters) {
        this.mongo = mongo;
        this.meters = meters;
    }

    /** Returns "applied" or "stale". */
    String apply(ArticleRatingSummary summary) {
        Update update = new Update()
                .set("points", summary.points())
                .set("count", summary.count())
                .set("average", summary.average())
                .set("histogram", summary.histogram())
                .set("score", summary.score())
                .set("updatedAt", summary.updatedAt());
        // Older totals never replace newer ones. The same time also applies (lte): MongoDB keeps
        // milliseconds, so a newer summary computed in the same millisecond must not be lost; of two
        // such, the later record of the partition (the key's order) wins, and a redelivered one
        // writes the same totals again.
        boolean applied = Projections.upsertIfNewer(mongo, ArticleRating.class, summary.articleId(),
                Criteria.where("updatedAt").lte(summary.updatedAt()), update);
        String outcome = applied ? "applied" : "stale";
        meters.counter("articles.ratings.received", "outcome", outcome).increment();
        if (!applied) {
            log.debug("rating summary of {} at {} is older than the stored one", summary.articleId(),
                    summary.updatedAt());
        }
        return outcome;
    }
}
