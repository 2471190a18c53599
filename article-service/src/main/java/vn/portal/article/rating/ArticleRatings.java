package vn.portal.article.rating;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import vn.portal.contracts.ArticleRatingSummary;
import vn.portal.platform.mongo.Projections;
import vn.portal.contracts.Topics;
import vn.portal.platform.events.IncomingEvents;

/**
 * Keeps the current rating totals of each article from the compacted {@code ArticleRatingSummary}
 * topic in the {@code ratings} collection, for the article page.
 */
@Component
public class ArticleRatings {

    private static final Logger log = LoggerFactory.getLogger(ArticleRatings.class);

    private final MongoTemplate mongo;
    private final IncomingEvents incoming;
    private final MeterRegistry meters;

    ArticleRatings(MongoTemplate mongo, IncomingEvents incoming, MeterRegistry meters) {
        this.mongo = mongo;
        this.incoming = incoming;
        this.meters = meters;
    }

    public ArticleRating of(String articleId) {
        ArticleRating rating = mongo.findById(articleId, ArticleRating.class);
        return rating == null ? ArticleRating.none(articleId) : rating;
    }

    @KafkaListener(id = "article-rating-summary", idIsGroup = false, topics = Topics.ARTICLE_RATING_SUMMARY)
    void onSummary(ConsumerRecord<String, byte[]> record) {
        apply(incoming.read(record, ArticleRatingSummary.class));
    }

    void apply(ArticleRatingSummary summary) {
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
        meters.counter("articles.ratings.received", "outcome", applied ? "applied" : "stale").increment();
        if (!applied) {
            log.debug("rating summary of {} at {} is older than the stored one", summary.articleId(),
                    summary.updatedAt());
        }
    }
}
