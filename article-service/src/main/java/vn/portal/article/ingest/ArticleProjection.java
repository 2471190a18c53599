package vn.portal.article.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import vn.portal.article.read.Article;
import vn.portal.article.read.ArticleRepository;
import vn.portal.platform.slug.Slugs;
import vn.portal.contracts.ArticlePublished;
import vn.portal.contracts.ArticleUnpublished;

/**
 * Applies article events to the read model, idempotently and order-safe: an event changes the
 * article only when its revision is newer than the stored one.
 */
@Component
class ArticleProjection {

    private static final Logger log = LoggerFactory.getLogger(ArticleProjection.class);

    private final MongoTemplate mongo;
    private final ArticleRepository articles;
    private final MeterRegistry meters;

    ArticleProjection(MongoTemplate mongo, ArticleRepository articles, MeterRegistry meters) {
        this.mongo = mongo;
        this.articles = articles;
        this.meters = meters;
    }

    void apply(ArticlePublished event) {
        Optional<Article> stored = articles.findById(event.articleId());
        // the slug is fixed at first publication: a corrected title keeps the article's URL
        String slug = stored.map(Article::slug).orElseGet(() -> uniqueSlug(event));
        Update update = new Update()
                .set("slug", slug)
                .set("revision", event.revision())
                .set("status", Article.Status.PUBLISHED)
                .set("title", event.title())
                .set("lead", event.lead())
                .set("bodyHtml", event.bodyHtml())
                .set("images", event.images())
                .set("author", event.author())
                .set("category", event.category())
                .set("tags", event.tags())
                .set("language", event.language())
                .set("publishedAt", event.publishedAt())
                .set("updatedAt", event.updatedAt())
                .set("correctionNote", event.correctionNote());
        upsertIfNewer(event.articleId(), event.revision(), update);
    }

    void apply(ArticleUnpublished event) {
        Update update = new Update()
                .set("revision", event.revision())
                .set("status", Article.Status.UNPUBLISHED)
                .set("updatedAt", event.unpublishedAt());
        if (mongo.updateFirst(newerThanStored(event.articleId(), event.revision()), update, Article.class)
                .getModifiedCount() == 0) {
            outcome("stale-or-unknown", event.articleId(), event.revision());
            return;
        }
        outcome("applied", event.articleId(), event.revision());
    }

    private void upsertIfNewer(String articleId, long revision, Update update) {
        try {
            mongo.upsert(newerThanStored(articleId, revision), update, Article.class);
            outcome("applied", articleId, revision);
        } catch (DuplicateKeyException e) {
            // the article exists with this revision or a newer one: a duplicate or a late event
            outcome("duplicate-or-stale", articleId, revision);
        }
    }

    private static Query newerThanStored(String articleId, long revision) {
        return Query.query(Criteria.where("_id").is(articleId).and("revision").lt(revision));
    }

    private String uniqueSlug(ArticlePublished event) {
        String wanted = event.slug() != null ? event.slug() : Slugs.of(event.title());
        boolean taken = articles.findBySlug(wanted).filter(a -> !a.id().equals(event.articleId())).isPresent();
        return taken ? wanted + "-" + Integer.toString(Math.abs(event.articleId().hashCode()), 36) : wanted;
    }

    private void outcome(String outcome, String articleId, long revision) {
        meters.counter("articles.ingested", "outcome", outcome).increment();
        log.info("article {} revision {}: {}", articleId, revision, outcome);
    }
}
