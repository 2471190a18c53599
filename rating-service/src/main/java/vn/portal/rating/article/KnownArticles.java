package vn.portal.rating.article;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import vn.portal.contracts.ArticlePublished;
import vn.portal.contracts.ArticleUnpublished;
import vn.portal.contracts.Topics;
import vn.portal.platform.events.ArticleReaderRules;
import vn.portal.platform.events.EventBounds;
import vn.portal.platform.events.IncomingEvents;
import vn.portal.platform.mongo.Projections;
import vn.portal.platform.slug.Slugs;

/**
 * rating-service's own list of published articles, fed by ArticlePublished/ArticleUnpublished:
 * no synchronous call to article-service. Order-safe by revision, bounded by
 * {@link EventBounds}; article-service's reader rules ({@link ArticleReaderRules}) first.
 */
@Component
public class KnownArticles {

    private final MongoTemplate mongo;
    private final IncomingEvents incoming;

    KnownArticles(MongoTemplate mongo, IncomingEvents incoming) {
        this.mongo = mongo;
        this.incoming = incoming;
    }

    /**
     * The id of the published article with this id or slug. The id is the canonical way in: the
     * slug here is derived from the title as article-service derives it, but article-service adds
     * a suffix when two titles collide, which only it knows; so a slug that two published articles
     * share answers nothing rather than the wrong article.
     */
    public Optional<String> publishedArticleId(String idOrSlug) {
        KnownArticle article = mongo.findById(idOrSlug, KnownArticle.class);
        if (article != null) {
            return Optional.of(article).filter(KnownArticle::published).map(KnownArticle::id);
        }
        List<KnownArticle> bySlug = mongo.find(
                Query.query(Criteria.where("slug").is(idOrSlug).and("published").is(true)).limit(2), KnownArticle.class);
        return bySlug.size() == 1 ? Optional.of(bySlug.get(0).id()) : Optional.empty();
    }

    /** Slug and title of those of these articles that are published. */
    public Map<String, Headline> publishedHeadlines(Collection<String> articleIds) {
        Map<String, Headline> headlines = new HashMap<>();
        mongo.find(Query.query(Criteria.where("_id").in(articleIds).and("published").is(true)), KnownArticle.class)
                .forEach(article -> headlines.put(article.id(), new Headline(article.slug(), article.title())));
        return headlines;
    }

    public record Headline(String slug, String title) {
    }

    @KafkaListener(id = "rating-known-articles-published", idIsGroup = false, topics = Topics.ARTICLE_PUBLISHED)
    void onPublished(ConsumerRecord<String, byte[]> record) {
        ArticlePublished event = incoming.read(record, ArticlePublished.class);
        ArticleReaderRules.check(event); // what article-service would dead-letter is no article here either
        String slug = event.slug() != null ? event.slug() : Slugs.of(event.title());
        applyIfNewer(event.articleId(), event.revision(),
                new Update().set("published", true).set("title", event.title()).setOnInsert("slug", slug));
    }

    @KafkaListener(id = "rating-known-articles-unpublished", idIsGroup = false, topics = Topics.ARTICLE_UNPUBLISHED)
    void onUnpublished(ConsumerRecord<String, byte[]> record) {
        ArticleUnpublished event = incoming.read(record, ArticleUnpublished.class);
        applyIfNewer(event.articleId(), event.revision(), new Update().set("published", false));
    }

    private void applyIfNewer(String articleId, long revision, Update update) {
        EventBounds.revisionStep(articleId, revision, Projections.storedRevision(mongo, KnownArticle.class, articleId));
        // false: the stored revision is this one or newer, a duplicate or a late event
        Projections.upsertIfNewer(mongo, KnownArticle.class, articleId, Criteria.where("revision").lt(revision),
                update.set("revision", revision));
    }
}
