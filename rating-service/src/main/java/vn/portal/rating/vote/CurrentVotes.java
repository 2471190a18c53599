package vn.portal.rating.vote;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import vn.portal.contracts.ArticleRated;
import vn.portal.contracts.Topics;
import vn.portal.platform.events.IncomingEvents;
import vn.portal.platform.mongo.Projections;

/**
 * Each voter's current vote per article ({@link Vote}, collection {@code votes}), fed by
 * ArticleRated: what the vote path tells as {@code previousStars} and what the best-rated list
 * counts over its window of days. One upsert per record, whatever the article's votes; the totals
 * are not made here (see {@code summary.TallyTopology}).
 */
@Component
public class CurrentVotes {

    /** Its own group, so that a replay can rewind it without touching other listeners. */
    public static final String GROUP = "rating-service-votes";
    public static final String LISTENER = "rating-current-votes";

    private final MongoTemplate mongo;
    private final IncomingEvents incoming;
    private final MeterRegistry meters;

    CurrentVotes(MongoTemplate mongo, IncomingEvents incoming, MeterRegistry meters) {
        this.mongo = mongo;
        this.incoming = incoming;
        this.meters = meters;
    }

    @KafkaListener(id = LISTENER, groupId = GROUP, topics = Topics.ARTICLE_RATED)
    void onRated(ConsumerRecord<String, byte[]> record) {
        ArticleRated rated = incoming.read(record, ArticleRated.class);
        // not applied: this voter's stored vote is this one or newer, a duplicate or a late record
        boolean applied = Projections.upsertIfNewer(mongo, Vote.class, Vote.id(rated.articleId(), rated.voterId()),
                Criteria.where("ratedAt").lt(rated.ratedAt()),
                new Update().set("articleId", rated.articleId()).set("voterId", rated.voterId())
                        .set("stars", rated.stars()).set("ratingId", rated.ratingId()).set("ratedAt", rated.ratedAt()));
        meters.counter("ratings.current-votes", "outcome", applied ? "applied" : "duplicate-or-stale").increment();
    }
}
