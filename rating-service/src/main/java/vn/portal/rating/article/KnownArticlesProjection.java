package vn.portal.rating.article;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import vn.portal.contracts.ArticlePublished;
import vn.portal.contracts.ArticleUnpublished;
import vn.portal.platform.events.ArticleReaderRules;
import vn.portal.platform.events.EventBounds;
import vn.portal.platform.mongo.Projections;
import vn.portal.platform.slug.Slugs;

/**
 * Applies article events to {@code known_articles}, idempotent and order-safe by revision (only a
 * newer one changes the article, whichever topic it comes from), bounded by {@link EventBounds};
 * article-service's reader rules ({@link ArticleReaderRules}) first.
 */
@Component
class KnownArticlesProjection {

    private final MongoTemplate mongo;

    KnownArticlesProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    String apply(ArticlePublished event) {
        ArticleReaderRules.check(event); // what article-service would dead-letter is no article here either
        String slug = event.slug() != null ? event.slug() : Slugs.of(event.title());
        return applyIfNewer(event.articleId(), event.revision(),
                new Update().set("published", true).set("title", event.title()).setOnInsert("slug", slug));
    }

    String apply(ArticleUnpublished event) {
        return applyIfNewer(event.articleId(), event.revision(), new Update().set("published", false));
    }

    private String applyIfNewer(String articleId, long revision, Update update) {
        EventBounds.revisionStep(articleId, revision, Projections.storedRevision(mongo, KnownArticle.class, articleId));
        // false: the stored revision is this one or newer, a duplicate or a late event
        return Projections.upsertIfNewer(mongo, KnownArticle.class, articleId, Criteria.where("revision").lt(revision),
                update.set("revision", revision)) ? "applied" : "duplicate-or-stale";
    }
}
