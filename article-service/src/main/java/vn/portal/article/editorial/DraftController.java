package vn.portal.article.editorial;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.portal.article.editorial.EditorialResponses.CorrectionRequest;
import vn.portal.article.editorial.EditorialResponses.DraftPage;
import vn.portal.article.editorial.EditorialResponses.DraftResponse;
import vn.portal.article.editorial.EditorialResponses.DraftSummary;
import vn.portal.article.editorial.EditorialResponses.PublicationResponse;
import vn.portal.article.editorial.EditorialResponses.RevisionResponse;
import vn.portal.article.editorial.EditorialResponses.ScheduleRequest;
import vn.portal.article.editorial.EditorialResponses.UnpublishRequest;
import vn.portal.article.history.RevisionHistory;
import vn.portal.platform.web.Problems;

/**
 * The editorial API, for editors only (not in {@code platform.security.public-paths}: the service checks
 * the token itself). Drafts live in the {@code drafts} collection; publishing, correcting and
 * withdrawing produce events and answer 202: the article changes for readers once it is ingested.
 * What the ingest would dead-letter is never produced: 400 {@code article-rejected} with its
 * {@code reasons}, and the draft stays as it was (see {@link Publications}).
 */
@Tag(name = "Editorial", description = "Drafts and their publication (editor token)")
@RestController
@RequestMapping("/api/editorial")
class DraftController {

    static final int MAX_PAGE_SIZE = 100;
    /** A time this far in the past is a mistake (a wrong time zone, say), not "publish now". */
    private static final Duration PAST_TOLERANCE = Duration.ofMinutes(1);

    private final MongoTemplate mongo;
    private final Publications publications;
    private final RevisionHistory history;
    private final Clock clock;

    DraftController(MongoTemplate mongo, Publications publications, RevisionHistory history, Clock clock) {
        this.mongo = mongo;
        this.publications = publications;
        this.history = history;
        this.clock = clock;
    }

    @Operation(operationId = "createDraft",
            summary = "Save a new draft",
            responses = {
                @ApiResponse(responseCode = "201", description = "The draft, at the Location given")})
    @PostMapping("/drafts")
    ResponseEntity<DraftResponse> create(@RequestBody DraftRequest request, Principal editor) {
        check(request);
        Instant now = clock.instant();
        Draft draft = mongo.insert(new Draft(UUID.randomUUID().toString(), request.title().strip(), request.lead(),
                request.bodyHtml(), request.images(), request.author(), request.category(), request.tags(), 0, 0,
                null, null, false, null, null, null, now, now, editor.getName(), editor.getName()));
        return ResponseEntity.created(URI.create("/api/editorial/drafts/" + draft.id())).body(response(draft));
    }

    @Operation(operationId = "listDrafts", summary = "List drafts, most recently changed first")
    @GetMapping("/drafts")
    DraftPage list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw Problems.problem(HttpStatus.BAD_REQUEST, "invalid-page",
                    "page must be 0 or more and size between 1 and " + MAX_PAGE_SIZE);
        }
        Query query = new Query().with(Sort.by(Sort.Order.desc("updatedAt"), Sort.Order.desc("_id")))
                .skip((long) page * size).limit(size);
        query.fields().exclude("bodyHtml");
        List<DraftSummary> items = mongo.find(query, Draft.class).stream().map(DraftSummary::of).toList();
        return new DraftPage(items, page, size, mongo.count(new Query(), Draft.class));
    }

    @Operation(operationId = "getDraft", summary = "Read a draft")
    @GetMapping("/drafts/{id}")
    DraftResponse get(@PathVariable String id) {
        return response(find(id));
    }

    /** Replaces the content; publishing, the schedule and the revision numbers are not touched. */
    @Operation(operationId = "updateDraft", summary = "Replace a draft's content")
    @PutMapping("/drafts/{id}")
    DraftResponse update(@PathVariable String id, @RequestBody DraftRequest request, Principal editor) {
        check(request);
        Update update = new Update().set("title", request.title().strip()).set("lead", request.lead())
                .set("bodyHtml", request.bodyHtml()).set("images", request.images()).set("author", request.author())
                .set("category", request.category()).set("tags", request.tags())
                .set("updatedAt", clock.instant()).set("updatedBy", editor.getName());
        if (mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), update, Draft.class).getMatchedCount() == 0) {
            throw EditorialProblems.draftNotFound(id);
        }
        return response(find(id));
    }

    /** Deletes a draft that was never published; a published article is withdrawn instead. */
    @Operation(operationId = "deleteDraft",
            summary = "Delete a draft that was never published",
            responses = {
                @ApiResponse(responseCode = "204", description = "Deleted"),
                @ApiResponse(responseCode = "409", description = "The draft has been published: unpublish it instead")})
    @DeleteMapping("/drafts/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        Draft draft = find(id);
        if (draft.firstPublishedAt() != null || draft.lastRevision() > 0) {
            throw EditorialProblems.conflict("published-draft", "A published article is unpublished, not deleted");
        }
        mongo.remove(Query.query(Criteria.where("_id").is(id).and("lastRevision").is(0)), Draft.class);
        return ResponseEntity.noContent().build();
    }

    @Operation(operationId = "publishDraft",
            summary = "Publish the draft as a new revision (ArticlePublished, answered once Kafka has it)",
            responses = {
                @ApiResponse(responseCode = "202", description = "The event is in Kafka; the article is readable once ingested")})
    @PostMapping("/drafts/{id}/publish")
    ResponseEntity<PublicationResponse> publish(@PathVariable String id) {
        return accepted(publications.publishNow(id));
    }

    /**
     * Publishes it at {@code publishAt} (ISO 8601 with an offset, e.g. {@code 2025-09-02T07:00:00+07:00});
     * 400 {@code article-rejected} for a draft that could not be published.
     */
    @Operation(operationId = "scheduleDraft",
            summary = "Schedule the draft's publication",
            responses = {
                @ApiResponse(responseCode = "200", description = "The draft, with its publication time"),
                @ApiResponse(responseCode = "409", description = "The scheduler is publishing this draft right now")})
    @PutMapping("/drafts/{id}/schedule")
    DraftResponse schedule(@PathVariable String id, @RequestBody ScheduleRequest request) {
        if (request.publishAt() == null) {
            throw Problems.problem(HttpStatus.BAD_REQUEST, "invalid-schedule", "publishAt is required");
        }
        Instant at = request.publishAt().toInstant();
        if (at.isBefore(clock.instant().minus(PAST_TOLERANCE))) {
            throw Problems.problem(HttpStatus.BAD_REQUEST, "invalid-schedule",
                    "publishAt is in the past; publish now instead");
        }
        publications.requirePublishable(find(id)); // refused now, not silently when it is due
        if (mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("pendingRevision").is(null)),
                new Update().set("scheduledAt", at).unset("leaseUntil"), Draft.class).getMatchedCount() == 0) {
            find(id);
            throw EditorialProblems.conflict("being-published", "The scheduler is publishing this draft right now");
        }
        return response(find(id));
    }

    @Operation(operationId = "cancelSchedule",
            summary = "Cancel the draft's scheduled publication",
            responses = {
                @ApiResponse(responseCode = "200", description = "The draft, no longer scheduled"),
                @ApiResponse(responseCode = "409", description = "The draft is not scheduled, or the scheduler is publishing it right now")})
    @DeleteMapping("/drafts/{id}/schedule")
    DraftResponse cancelSchedule(@PathVariable String id) {
        Instant now = clock.instant();
        Query notYetClaimed = Query.query(Criteria.where("_id").is(id).and("scheduledAt").ne(null)
                .and("pendingRevision").is(null)
                .orOperator(Criteria.where("leaseUntil").is(null), Criteria.where("leaseUntil").lt(now)));
        if (mongo.updateFirst(notYetClaimed, new Update().unset("scheduledAt").unset("leaseUntil"), Draft.class)
                .getModifiedCount() == 0) {
            Draft draft = find(id);
            throw draft.scheduledAt() == null
                    ? EditorialProblems.conflict("not-scheduled", "This draft is not scheduled")
                    : EditorialProblems.conflict("being-published", "The scheduler is publishing this draft right now");
        }
        return response(find(id));
    }

    /** Publishes the draft's current content as a new revision with the correction note readers see. */
    @Operation(operationId = "correctArticle",
            summary = "Publish the draft's content as a correction, with the note readers see",
            responses = {
                @ApiResponse(responseCode = "202", description = "The event is in Kafka; the corrected article is readable once ingested")})
    @PostMapping("/drafts/{id}/corrections")
    ResponseEntity<PublicationResponse> correct(@PathVariable String id, @RequestBody CorrectionRequest request) {
        return accepted(publications.correct(id, request.note()));
    }

    @Operation(operationId = "unpublishArticle",
            summary = "Withdraw the published article (ArticleUnpublished)",
            responses = {
                @ApiResponse(responseCode = "202", description = "The event is in Kafka; readers get 410 once it is ingested")})
    @PostMapping("/drafts/{id}/unpublish")
    ResponseEntity<PublicationResponse> unpublish(@PathVariable String id,
                                                  @RequestBody(required = false) UnpublishRequest request) {
        return accepted(publications.unpublish(id, request == null ? null : request.reason()));
    }

    /** Every revision the log carried for the article, oldest first, as it was ingested. */
    @Operation(operationId = "listRevisions", summary = "Every revision the log carried for an article, oldest first")
    @GetMapping("/articles/{articleId}/revisions")
    List<RevisionResponse> revisions(@PathVariable String articleId) {
        return history.of(articleId).stream().map(RevisionResponse::of).toList();
    }

    private static ResponseEntity<PublicationResponse> accepted(PublicationResponse response) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(HttpStatus.ACCEPTED);
        if (response.url() != null) {
            builder.location(URI.create(response.url()));
        }
        return builder.body(response);
    }

    private Draft find(String id) {
        Draft draft = mongo.findById(id, Draft.class);
        if (draft == null) {
            throw EditorialProblems.draftNotFound(id);
        }
        return draft;
    }

    private DraftResponse response(Draft draft) {
        return DraftResponse.of(draft, publications.url(draft.slug()));
    }

    private static void check(DraftRequest request) {
        if (request == null) {
            throw Problems.problem(HttpStatus.BAD_REQUEST, "invalid-draft", "a JSON body is required");
        }
        List<String> problems = request.problems();
        if (!problems.isEmpty()) {
            throw Problems.problem(HttpStatus.BAD_REQUEST, "invalid-draft", String.join("; ", problems));
        }
    }
}
