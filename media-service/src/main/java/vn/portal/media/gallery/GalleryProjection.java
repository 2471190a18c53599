package vn.portal.media.gallery;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import vn.portal.platform.events.ArticleReaderRules;
import vn.portal.platform.events.EventBounds;
import vn.portal.platform.mongo.Projections;
import vn.portal.contracts.ArticleImage;
import vn.portal.contracts.ArticlePublished;
import vn.portal.contracts.ArticleUnpublished;

/**
 * Applies article events to the galleries, idempotently and order-safe: an event changes a
 * gallery only when its revision is newer than the stored one. Each apply returns its outcome.
 */
@Component
class GalleryProjection {

    private static final Logger log = LoggerFactory.getLogger(GalleryProjection.class);

    private final MongoTemplate mongo;
    private final MeterRegistry meters;

    GalleryProjection(MongoTemplate mongo, MeterRegistry meters) {
        this.mongo = mongo;
        this.meters = meters;
    }

    String apply(ArticlePublished event) {
        ArticleReaderRules.check(event); // what article-service would dead-letter is no gallery here either
        List<ArticleImage> images = event.images() == null ? List.of() : event.images();
        Update update = new Update()
                .set("kind", Gallery.Kind.ARTICLE)
                .set("revision", event.revision())
                .set("status", Gallery.Status.PUBLISHED)
                .set("title", event.title())
                .set("images", images)
                .set("count", images.size())
                .set("listedAt", event.publishedAt() != null ? event.publishedAt() : event.updatedAt())
                .set("updatedAt", event.updatedAt());
        return upsertIfNewer(event.articleId(), event.revision(), update);
    }

    /**
     * Upserts too: the two topics are not ordered with each other, and a withdrawal that comes
     * first must still outrank the older publication that comes after it.
     */
    String apply(ArticleUnpublished event) {
        Update update = new Update()
                .set("kind", Gallery.Kind.ARTICLE)
                .set("revision", event.revision())
                .set("status", Gallery.Status.WITHDRAWN)
                .set("images", List.of())
                .set("count", 0)
                .set("updatedAt", event.unpublishedAt());
        return upsertIfNewer(event.articleId(), event.revision(), update);
    }

    private String upsertIfNewer(String articleId, long revision, Update update) {
        EventBounds.revisionStep(articleId, revision, Projections.storedRevision(mongo, Gallery.class, articleId));
        boolean applied = Projections.upsertIfNewer(mongo, Gallery.class, articleId,
                Criteria.where("revision").lt(revision), update);
        String outcome = applied ? "applied" : "duplicate-or-stale";
        outcome(outcome, articleId, revision);
        return outcome;
    }

    private void outcome(String outcome, String articleId, long revision) {
        meters.counter("media.galleries.ingested", "outcome", outcome).increment();
        log.info("gallery of article {} revision {}: {}", articleId, revision, outcome);
    }
}
