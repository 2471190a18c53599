package vn.portal.article.editorial;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import vn.portal.article.config.ArticleProperties;
import vn.portal.article.editorial.EditorialResponses.PublicationResponse;
import vn.portal.article.slug.SlugRegistry;
import vn.portal.contracts.ArticlePublished;
import vn.portal.contracts.ArticleUnpublished;
import vn.portal.platform.events.EventPublishException;
import vn.portal.platform.events.EventPublisher;

/**
 * Publishing, correcting and withdrawing through the API. Each produces one event to Kafka and
 * writes no read model: the ingest consumer fills that, exactly as for an editorial system's
 * events (flow 2 of DESIGN.md). Before producing, the draft's {@code lastRevision} is increased
 * with one findAndModify, so two publications never share a revision; a failed produce only
 * leaves a gap in the numbers. After Kafka's acknowledgement the draft records what was published.
 */
@Component
class Publications {

    static final String CORRECTION_PREFIX = "Đính chính: ";
    private static final Logger log = LoggerFactory.getLogger(Publications.class);

    private final MongoTemplate mongo;
    private final EventPublisher publisher;
    private final SlugRegistry slugs;
    private final Clock clock;
    private final ArticleProperties properties;
    private final MeterRegistry meters;

    Publications(MongoTemplate mongo, EventPublisher publisher, SlugRegistry slugs, Clock clock,
                 ArticleProperties properties, MeterRegistry meters) {
        this.mongo = mongo;
        this.publisher = publisher;
        this.slugs = slugs;
        this.clock = clock;
        this.properties = properties;
        this.meters = meters;
    }

    /** Publishes the draft as a new revision now; this also cancels its schedule. */
    PublicationResponse publishNow(String id) {
        return publish(id, null, "now");
    }

    /** Publishes the draft as a new revision that readers see with the note "Đính chính: ...". */
    PublicationResponse correct(String id, String note) {
        if (note == null || note.isBlank()) {
            throw EditorialProblems.problem(HttpStatus.BAD_REQUEST, "invalid-correction", "note is required");
        }
        if (find(id).firstPublishedAt() == null) {
            throw EditorialProblems.conflict("not-published", "Only a published article can be corrected");
        }
        String trimmed = note.strip();
        return publish(id, trimmed.startsWith(CORRECTION_PREFIX) ? trimmed : CORRECTION_PREFIX + trimmed, "correction");
    }

    private PublicationResponse publish(String id, String correctionNote, String trigger) {
        Draft draft = find(id);
        String slug = slugFor(draft);
        Draft reserved = mongo.findAndModify(
                Query.query(Criteria.where("_id").is(id).and("pendingRevision").is(null)),
                new Update().inc("lastRevision", 1).set("slug", slug).unset("scheduledAt").unset("leaseUntil"),
                FindAndModifyOptions.options().returnNew(true), Draft.class);
        if (reserved == null) {
            throw EditorialProblems.conflict("being-published", "The scheduler is publishing this draft right now");
        }
        ArticlePublished event = event(reserved, reserved.lastRevision(), correctionNote);
        produce(event, event.articleId());
        acknowledged(reserved.id(), event.revision(), event.publishedAt(), false);
        meters.counter("articles.published", "trigger", trigger).increment();
        return new PublicationResponse(id, event.revision(), "published", slug, url(slug), correctionNote);
    }

    /** Withdraws a published article: produces {@code ArticleUnpublished} with a new revision. */
    PublicationResponse unpublish(String id, String reason) {
        Draft draft = find(id);
        if (draft.firstPublishedAt() == null) {
            throw EditorialProblems.conflict("not-published", "This draft was never published");
        }
        if (draft.withdrawn()) {
            throw EditorialProblems.conflict("already-withdrawn", "This article is withdrawn already");
        }
        Draft reserved = mongo.findAndModify(
                Query.query(Criteria.where("_id").is(id).and("pendingRevision").is(null)),
                new Update().inc("lastRevision", 1), FindAndModifyOptions.options().returnNew(true), Draft.class);
        if (reserved == null) {
            throw EditorialProblems.conflict("being-published", "The scheduler is publishing this draft right now");
        }
        ArticleUnpublished event = new ArticleUnpublished(id, reserved.lastRevision(), clock.instant(),
                reason == null || reason.isBlank() ? null : reason.strip());
        produce(event, id);
        acknowledged(id, event.revision(), null, true);
        meters.counter("articles.unpublished").increment();
        return new PublicationResponse(id, event.revision(), "withdrawn", reserved.slug(), url(reserved.slug()), null);
    }

    /**
     * The scheduler's publication of a due draft it holds the lease of. The revision is reserved
     * once, in the draft ({@code pendingRevision}); should this instance die after producing, the
     * next one produces the same revision again, which every consumer ignores as a duplicate.
     *
     * @return false when the draft changed under it (an editor published it meanwhile); the next poll looks again
     */
    boolean publishScheduled(Draft claimed) {
        Draft draft = claimed;
        if (draft.pendingRevision() == null) {
            String slug = slugFor(draft);
            draft = mongo.findAndModify(
                    Query.query(Criteria.where("_id").is(draft.id()).and("lastRevision").is(draft.lastRevision())
                            .and("pendingRevision").is(null)),
                    new Update().set("lastRevision", draft.lastRevision() + 1)
                            .set("pendingRevision", draft.lastRevision() + 1).set("slug", slug),
                    FindAndModifyOptions.options().returnNew(true), Draft.class);
            if (draft == null) {
                mongo.updateFirst(Query.query(Criteria.where("_id").is(claimed.id()).and("pendingRevision").is(null)),
                        new Update().unset("leaseUntil"), Draft.class);
                return false;
            }
        }
        ArticlePublished event = event(draft, draft.pendingRevision(), null);
        produce(event, event.articleId());
        mongo.updateFirst(Query.query(Criteria.where("_id").is(draft.id()).and("pendingRevision").is(event.revision())),
                new Update().unset("scheduledAt").unset("leaseUntil").unset("pendingRevision"), Draft.class);
        acknowledged(draft.id(), event.revision(), event.publishedAt(), false);
        meters.counter("articles.published", "trigger", "schedule").increment();
        log.info("scheduled publication of {} revision {} at {}", draft.id(), event.revision(), draft.scheduledAt());
        return true;
    }

    String url(String slug) {
        return slug == null ? null : properties.publicBaseUrl() + "/api/articles/" + slug;
    }

    private Draft find(String id) {
        Draft draft = mongo.findById(id, Draft.class);
        if (draft == null) {
            throw EditorialProblems.draftNotFound(id);
        }
        return draft;
    }

    /** The slug is claimed at first publication, so the answer can say where readers will find it. */
    private String slugFor(Draft draft) {
        return draft.slug() != null ? draft.slug() : slugs.claim(draft.id(), null, draft.title());
    }

    private ArticlePublished event(Draft draft, long revision, String correctionNote) {
        Instant now = clock.instant();
        return new ArticlePublished(draft.id(), revision, draft.slug(), draft.title().strip(), draft.lead(),
                draft.bodyHtml(), draft.images() == null ? List.of() : draft.images(), draft.author(),
                draft.category(), draft.tags() == null ? List.of() : draft.tags(), "vi",
                draft.firstPublishedAt() != null ? draft.firstPublishedAt() : now, now, correctionNote);
    }

    private void produce(Record event, String key) {
        try {
            publisher.publish(event, key);
        } catch (EventPublishException e) {
            throw EditorialProblems.problem(HttpStatus.SERVICE_UNAVAILABLE, "events-unavailable",
                    "Kafka did not acknowledge the event; nothing was published, try again");
        }
    }

    /** Records what Kafka acknowledged, unless a newer event was acknowledged meanwhile. */
    private void acknowledged(String id, long revision, Instant publishedAt, boolean withdrawn) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("lastEventRevision").lt(revision)),
                new Update().set("lastEventRevision", revision).set("withdrawn", withdrawn), Draft.class);
        if (publishedAt != null) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("firstPublishedAt").is(null)),
                    new Update().set("firstPublishedAt", publishedAt), Draft.class);
        }
    }
}
