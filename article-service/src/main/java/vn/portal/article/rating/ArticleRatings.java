package vn.portal.article.rating;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import vn.portal.contracts.ArticleRatingSummary;
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
        try {
            // Older totals never replace newer ones: a late summary matches nothing, the upsert's insert
            // clashes on _id. The same time also applies (lte): MongoDB keeps milliseconds, so a newer
            // summary computed in the same millisecond must not be lost; of two such, the later record
            // of the partition (the key's order) wins, and a redelivered one writes the same totals again.
            mongo.upsert(Query.query(Criteria.where("_id").is(summary.articleId())
                    .and("updatedAt").lte(summary.updatedAt())), update, ArticleRating.class);
            meters.counter("articles.ratings.received", "outcome", "applied").increment();
        } catch (DuplicateKeyException olderOrSame) {
            meters.counter("articles.ratings.received", "outcome", "stale").increment();
            log.debug("rating summary of {} at {} is older than the stored one", summary.articleId(),
                    summary.updatedAt());
        }
    }
}
