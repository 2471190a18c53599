package vn.portal.article.ingest;

import java.util.List;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import vn.portal.article.history.Revision;
import vn.portal.article.history.RevisionHistory;
import vn.portal.article.read.Article;
import vn.portal.article.rules.ArticleRules;
import vn.portal.article.text.SearchFields;
import vn.portal.article.slug.SlugRegistry;
import vn.portal.contracts.ArticlePublished;
import vn.portal.platform.events.EventBounds;
import vn.portal.platform.mongo.Projections;
import vn.portal.contracts.ArticleUnpublished;

/**
 * Applies article events to the read model, idempotently and order-safe: an event changes the
 * article only when its revision is newer than the stored one, whichever of the two topics it
 * comes from, and only when it is at most {@link EventBounds#MAX_REVISION_STEP} above it (else it
 * is dead-lettered). Every revision, late ones too, is kept in the revision history.
 */
@Component
class ArticleProjection {

    private static final List<String> CONTENT = List.of("title", "lead", "bodyHtml", "images", "author", "category",
            "tags", "language", "publishedAt", "correctionNote", "corrections", "search");

    private final MongoTemplate mongo;
    private final SlugRegistry slugs;
    private final RevisionHistory history;

    ArticleProjection(MongoTemplate mongo, SlugRegistry slugs, RevisionHistory history) {
        this.mongo = mongo;
        this.slugs = slugs;
        this.history = history;
    }

    Outcome apply(ArticleRules.Accepted accepted) {
        ArticlePublished event = accepted.event();
        EventBounds.revisionStep(event.articleId(), event.revision(),
                Projections.storedRevision(mongo, Article.class, event.articleId()));
        history.keep(new Revision(Revision.id(event.articleId(), event.revision()), event.articleId(),
                event.revision(), Revision.Kind.PUBLISHED, event.title(), event.lead(), event.bodyHtml(),
                event.images(), event.author(), event.category(), event.tags(), event.publishedAt(),
                event.updatedAt(), event.correctionNote(), null));
        // every publication claims the article's slug, even a late one, so that which URL an article
        // has does not depend on the order in which the two topics are read
        String slug = slugs.claim(event.articleId(), event.slug(), event.title());
        Outcome notNewer = notNewer(event.articleId(), event.revision());
        if (notNewer != null) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(event.articleId()).and("slug").exists(false)),
                    new Update().set("slug", slug), Article.class); // withdrawn before it was seen published
            return notNewer;
        }
        List<Article.Correction> corrections = history.corrections(event.articleId(), event.revision()).stream()
                .map(r -> new Article.Correction(r.revision(), r.correctionNote(), r.at())).toList();
        Update update = new Update()
                // the slug is fixed at first publication: a corrected title keeps the article's URL
                .set("slug", slug)
                .set("revision", event.revision())
                .set("status", Article.Status.PUBLISHED)
                .set("title", event.title())
                .set("lead", event.lead())
                .set("bodyHtml", event.bodyHtml())
                .set("images", event.images() == null ? List.of() : event.images())
                .set("author", event.author())
                .set("category", event.category())
                .set("tags", event.tags() == null ? List.of() : event.tags())
                .set("language", event.language())
                .set("publishedAt", event.publishedAt())
                .set("updatedAt", event.updatedAt())
                .set("correctionNote", event.correctionNote())
                .set("corrections", corrections)
                .set("search", SearchFields.of(event.title(),
                        (event.lead() == null ? "" : event.lead() + " ") + accepted.bodyText()));
        return upsertIfNewer(event.articleId(), event.revision(), update);
    }

    /**
     * Withdraws the article: it keeps id, slug and revision, its content goes. Stored even for an
     * article not seen yet, so that its older publication, arriving later on the other topic,
     * stays out.
     */
    Outcome apply(ArticleUnpublished event) {
        EventBounds.revisionStep(event.articleId(), event.revision(),
                Projections.storedRevision(mongo, Article.class, event.articleId()));
        history.keep(new Revision(Revision.id(event.articleId(), event.revision()), event.articleId(),
                event.revision(), Revision.Kind.UNPUBLISHED, null, null, null, null, null, null, null, null,
                event.unpublishedAt(), null, event.reason()));
        Outcome notNewer = notNewer(event.articleId(), event.revision());
        if (notNewer != null) {
            return notNewer;
        }
        Update update = new Update()
                .set("revision", event.revision())
                .set("status", Article.Status.UNPUBLISHED)
                .set("updatedAt", event.unpublishedAt());
        CONTENT.forEach(update::unset);
        slugs.slugOf(event.articleId()).ifPresent(slug -> update.set("slug", slug));
        return upsertIfNewer(event.articleId(), event.revision(), update);
    }

    /** DUPLICATE or STALE when the stored revision is the same or newer, else null. */
    private Outcome notNewer(String articleId, long revision) {
        Article stored = mongo.findById(articleId, Article.class);
        if (stored == null || revision > stored.revision()) {
            return null;
        }
        return revision == stored.revision() ? Outcome.DUPLICATE : Outcome.STALE; // a redelivery, or late
    }

    private Outcome upsertIfNewer(String articleId, long revision, Update update) {
        if (Projections.upsertIfNewer(mongo, Article.class, articleId, Criteria.where("revision").lt(revision), update)) {
            return Outcome.APPLIED;
        }
        Outcome notNewer = notNewer(articleId, revision); // stored meanwhile with this revision or a newer one
        return notNewer != null ? notNewer : Outcome.STALE;
    }
}
