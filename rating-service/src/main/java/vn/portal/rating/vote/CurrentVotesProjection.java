package vn.portal.rating.vote;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import vn.portal.contracts.ArticleRated;
import vn.portal.platform.mongo.Projections;

/**
 * Applies ArticleRated to each voter's current vote per article ({@link Vote}, collection
 * {@code votes}), idempotent and order-safe by {@code ratedAt} (a late, older vote of the same
 * voter changes nothing): what the vote path tells as {@code previousStars} and what the
 * best-rated list counts over its window of days. One upsert per record, whatever the article's
 * votes; the totals are not made here (see {@code summary.TallyTopology}).
 */
@Component
class CurrentVotesProjection {

    private final MongoTemplate mongo;
    private final MeterRegistry meters;

    CurrentVotesProjection(MongoTemplate mongo, MeterRegistry meters) {
        this.mongo = mongo;
        this.meters = meters;
    }

    String apply(ArticleRated rated) {
        boolean applied = Projections.upsertIfNewer(mongo, Vote.class, Vote.id(rated.articleId(), rated.voterId()),
                Criteria.where("ratedAt").lt(rated.ratedAt()),
                new Update().set("articleId", rated.articleId()).set("voterId", rated.voterId())
                        .set("stars", rated.stars()).set("ratingId", rated.ratingId()).set("ratedAt", rated.ratedAt()));
        String outcome = applied ? "applied" : "duplicate-or-stale";
        meters.counter("ratings.current-votes", "outcome", outcome).increment();
        return outcome;
    }
}
