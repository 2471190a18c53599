package vn.portal.article.editorial;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
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
import vn.portal.platform.events.InvalidEventException;
import vn.portal.platform.web.Problems;

/**
 * Publishing, correcting and withdrawing through the API. Each produces one event to Kafka and
 * writes no read model: the ingest consumer fills that, exactly as for an editorial system's
 * events (the publish flow of docs/architecture.md).
 *
 * <p>First the event is checked as the ingest will check it ({@link PublicationCheck}): what the
 * ingest would dead-letter is refused with 400 {@code article-rejected} before anything changes.
 * Then the draft's {@code lastRevision} is increased with one findAndModify, so two publications
 * never share a revision. Should the event still be refused after that (the draft was edited in
 * between), the revision is given back and the draft is as it was. A produce Kafka does not
 * acknowledge ({@link EventPublishException}, 503 {@code event-log-unavailable}) only leaves a gap
 * in the numbers. After Kafka's acknowledgement the draft records what was published.
 */
@Component
class Publications {

    static final String CORRECTION_PREFIX = "Đính chính: ";
    private static final Logger log = LoggerFactory.getLogger(Publications.class);

    private final MongoTemplate mongo;
    private final EventPublisher publisher;
    private final PublicationCheck check;
    private final SlugRegistry slugs;
    private final Clock clock;
    private final ArticleProperties properties;
    private final MeterRegistry meters;

    Publications(MongoTemplate mongo, EventPublisher publisher, PublicationCheck check, SlugRegistry slugs,
                 Clock clock, ArticleProperties properties, MeterRegistry meters) {
        this.mongo = mongo;
        this.publisher = publisher;
        this.check = check;
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
            throw Problems.problem(HttpStatus.BAD_REQUEST, "invalid-correction", "note is required");
        }
        if (find(id).firstPublishedAt() == null) {
            throw EditorialProblems.conflict("not-published", "Only a published article can be corrected");
        }
        String trimmed = note.strip();
        return publish(id, trimmed.startsWith(CORRECTION_PREFIX) ? trimmed : CORRECTION_PREFIX + trimmed, "correction");
    }

    /**
     * For the schedule: the draft as it is now could be published.
     *
     * @throws org.springframework.web.ErrorResponseException 400 {@code article-rejected} when not
     */
    void requirePublishable(Draft draft) {
        check.require(event(draft, draft.lastRevision() + 1, draft.slug(), null, clock.instant()));
    }

    private PublicationResponse publish(String id, String correctionNote, String trigger) {
        Draft draft = find(id);
        Instant now = clock.instant();
        // before anything changes: no slug claimed, no revision reserved, nothing produced
        check.require(event(draft, draft.lastRevision() + 1, draft.slug(), correctionNote, now));
        String slug = slugFor(draft);
        Draft reserved = mongo.findAndModify(
                Query.query(Criteria.where("_id").is(id).and("pendingRevision").is(null)),
                new Update().inc("lastRevision", 1).set("slug", slug).unset("scheduledAt").unset("leaseUntil"),
                FindAndModifyOptions.options().returnNew(true), Draft.class);
        if (reserved == null) {
            throw EditorialProblems.conflict("being-published", "The scheduler is publishing this draft right now");
        }
        ArticlePublished event = event(reserved, reserved.lastRevision(), slug, correctionNote, now);
        if (!Objects.equals(reserved.updatedAt(), draft.updatedAt())) {
            // edited since it was checked: check what is about to be produced
            List<String> reasons = check.reasons(event);
            if (!reasons.isEmpty()) {
                release(draft, reserved);
                throw EditorialProblems.rejected(reasons);
            }
        }
        produce(event, event.articleId(), draft, reserved);
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
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        Instant now = clock.instant();
        check.require(new ArticleUnpublished(id, draft.lastRevision() + 1, now, why));
        Draft reserved = mongo.findAndModify(
                Query.query(Criteria.where("_id").is(id).and("pendingRevision").is(null)),
                new Update().inc("lastRevision", 1), FindAndModifyOptions.options().returnNew(true), Draft.class);
        if (reserved == null) {
            throw EditorialProblems.conflict("being-published", "The scheduler is publishing this draft right now");
        }
        ArticleUnpublished event = new ArticleUnpublished(id, reserved.lastRevision(), now, why);
        produce(event, id, draft, reserved);
        acknowledged(id, event.revision(), null, true);
        meters.counter("articles.unpublished").increment();
        return new PublicationResponse(id, event.revision(), "withdrawn", reserved.slug(), url(reserved.slug()), null);
    }

    /**
     * The scheduler's publication of a due draft it holds the lease of. The revision is reserved
     * once, in the draft ({@code pendingRevision}); should this instance die after producing, the
     * next one produces the same revision again, which every consumer ignores as a duplicate.
     *
     * <p>A draft the ingest would refuse (edited into that state after it was scheduled) is not
     * published: its schedule is dropped, with a warning and {@code articles.schedule.refused}, so
     * that it is not tried again and again; the editor sees it as a draft again.
     *
     * @return false when the draft changed under it (an editor published it meanwhile) or was
     *         refused; the next poll looks again
     */
    boolean publishScheduled(Draft claimed) {
        Instant now = clock.instant();
        Draft draft = claimed;
        boolean reservedHere = false;
        if (draft.pendingRevision() == null) {
            List<String> reasons = check.reasons(event(draft, draft.lastRevision() + 1, draft.slug(), null, now));
            if (!reasons.isEmpty()) {
                dropSchedule(claimed, false, reasons);
                return false;
            }
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
            reservedHere = true;
        }
        ArticlePublished event = event(draft, draft.pendingRevision(), draft.slug(), null, now);
        if (!reservedHere || !Objects.equals(draft.updatedAt(), claimed.updatedAt())) {
            // reserved by an instance that did not finish, or edited since the check above
            List<String> reasons = check.reasons(event);
            if (!reasons.isEmpty()) {
                dropSchedule(draft, reservedHere, reasons);
                return false;
            }
        }
        try {
            publisher.publish(event, event.articleId());
        } catch (InvalidEventException e) {
            dropSchedule(draft, reservedHere, List.of(e.getMessage()));
            return false;
        }
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

    private static ArticlePublished event(Draft draft, long revision, String slug, String correctionNote,
                                          Instant now) {
        return new ArticlePublished(draft.id(), revision, slug, draft.title().strip(), draft.lead(),
                draft.bodyHtml(), draft.images() == null ? List.of() : draft.images(), draft.author(),
                draft.category(), draft.tags() == null ? List.of() : draft.tags(), "vi",
                draft.firstPublishedAt() != null ? draft.firstPublishedAt() : now, now, correctionNote);
    }

    /**
     * Produces an event of a revision reserved from {@code before}. Kafka not acknowledging is
     * {@link EventPublishException} (503 {@code event-log-unavailable}), passed on as it is; the
     * publisher's own contract check refusing it gives the revision back.
     */
    private void produce(Record event, String key, Draft before, Draft reserved) {
        try {
            publisher.publish(event, key);
        } catch (InvalidEventException e) {
            release(before, reserved);
            throw EditorialProblems.rejected(List.of(e.getMessage()));
        }
    }

    /**
     * Gives back the revision reserved for a publication that was refused, and restores what the
     * reservation changed, so that the draft is as it was. Unless another reservation came after
     * this one: then the revision stays a gap in the numbers.
     */
    private void release(Draft before, Draft reserved) {
        Update undo = new Update().set("lastRevision", reserved.lastRevision() - 1);
        if (before.slug() == null) {
            undo.unset("slug");
        }
        if (before.scheduledAt() != null) {
            undo.set("scheduledAt", before.scheduledAt());
        }
        if (before.leaseUntil() != null) {
            undo.set("leaseUntil", before.leaseUntil());
        }
        long released = mongo.updateFirst(Query.query(Criteria.where("_id").is(reserved.id())
                .and("lastRevision").is(reserved.lastRevision()).and("pendingRevision").is(null)), undo, Draft.class)
                .getModifiedCount();
        if (released == 0) {
            log.info("revision {} of {} was refused and stays unused: the draft moved on", reserved.lastRevision(),
                    reserved.id());
        }
    }

    /**
     * Stops the scheduler trying a draft the ingest would refuse. A revision this instance reserved
     * (and so never produced) is given back; one an earlier instance reserved may have been
     * produced before it died, so it stays used.
     */
    private void dropSchedule(Draft held, boolean giveBackRevision, List<String> reasons) {
        Update drop = new Update().unset("scheduledAt").unset("leaseUntil").unset("pendingRevision");
        Criteria ours = Criteria.where("_id").is(held.id()).and("leaseUntil").is(held.leaseUntil());
        if (giveBackRevision) {
            drop.set("lastRevision", held.pendingRevision() - 1);
            ours = ours.and("lastRevision").is(held.pendingRevision());
        }
        mongo.updateFirst(Query.query(ours), drop, Draft.class);
        meters.counter("articles.schedule.refused").increment();
        log.warn("scheduled publication of {} refused, schedule dropped: {}", held.id(), String.join("; ", reasons));
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
