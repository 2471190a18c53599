package vn.portal.rating.vote;

import static vn.portal.platform.web.Problems.problem;

import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.portal.contracts.ArticleRated;
import vn.portal.identity.PlatformHeaders;
import vn.portal.identity.VoterIds;
import vn.portal.platform.events.EventPublishException;
import vn.portal.platform.events.EventPublisher;
import vn.portal.rating.Problems;
import vn.portal.rating.article.KnownArticles;

/**
 * Accepts a vote: checks the voter (the gateway's signed voter id), the body and the article,
 * produces one ArticleRated and answers only after the broker acknowledged it. Totals follow from
 * the log (see {@code summary}).
 */
@Tag(name = "Votes", description = "A reader's star rating")
@RestController
class VoteController {

    private static final Logger log = LoggerFactory.getLogger(VoteController.class);
    static final int MAX_BODY_BYTES = 256;

    private final KnownArticles knownArticles;
    private final MongoTemplate mongo;
    private final EventPublisher events;
    private final VoterIds voterIds;
    private final VoteRateLimiter limiter;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final Clock clock;

    VoteController(KnownArticles knownArticles, MongoTemplate mongo, EventPublisher events, VoterIds voterIds,
                   VoteRateLimiter limiter, JsonMapper json, MeterRegistry meters, Clock clock) {
        this.knownArticles = knownArticles;
        this.mongo = mongo;
        this.events = events;
        this.voterIds = voterIds;
        this.limiter = limiter;
        this.json = json;
        this.meters = meters;
        this.clock = clock;
    }

    @Operation(operationId = "vote",
            summary = "Rate an article 1 to 5 stars (ArticleRated, answered once Kafka has it); voting again replaces the stars",
            responses = {
                @ApiResponse(responseCode = "202", description = "The vote is in Kafka; the totals follow"),
                @ApiResponse(responseCode = "401", description = "No voter signed by the gateway (votes come through the portal)"),
                @ApiResponse(responseCode = "404", description = "The article is unknown or withdrawn"),
                @ApiResponse(responseCode = "429", description = "Over 10 votes a minute from this voter, or the gateway's limits; Retry-After says when to try again"),
                @ApiResponse(responseCode = "503", description = "Kafka did not acknowledge the vote: nothing was counted, try again")},
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = "application/json", schema = @Schema(implementation = VoteBody.class))))
    @PostMapping("/api/articles/{articleId}/ratings")
    ResponseEntity<VoteAccepted> vote(@PathVariable String articleId, HttpServletRequest request,
                                      @Parameter(hidden = true) // set by the gateway, never by the client
                                      @RequestHeader(name = PlatformHeaders.VOTER_ID, required = false) String voterId,
                                      @Parameter(hidden = true)
                                      @RequestHeader(name = PlatformHeaders.VOTER_SIGNATURE, required = false) String signature)
            throws IOException {
        try {
            if (!voterIds.verify(voterId, signature)) {
                throw problem(HttpStatus.UNAUTHORIZED, "voter-required",
                        "Votes come through the portal, which identifies the reader");
            }
            int stars = stars(request);
            String id = knownArticles.publishedArticleId(articleId).orElseThrow(() -> Problems.articleNotFound(articleId));
            long wait = limiter.secondsToWait(voterId);
            if (wait > 0) {
                ErrorResponseException tooMany = problem(HttpStatus.TOO_MANY_REQUESTS, "too-many-votes",
                        "Too many votes from this reader; try again in " + wait + " s");
                tooMany.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(wait));
                throw tooMany;
            }
            // previousStars is what the tally knew when the vote came in; totals never rely on it
            Vote previous = mongo.findById(Vote.id(id, voterId), Vote.class);
            ArticleRated rated = new ArticleRated(UUID.randomUUID(), id, voterId, stars,
                    previous == null ? null : previous.stars(), clock.instant());
            events.publish(rated, id, rated.ratingId().toString());
            count(previous == null ? "accepted" : "changed", "none");
            log.info("vote {} on article {} accepted: {} stars", rated.ratingId(), id, stars);
            return ResponseEntity.status(HttpStatus.ACCEPTED)
                    .body(new VoteAccepted(rated.ratingId(), id, stars, rated.previousStars(), rated.ratedAt()));
        } catch (EventPublishException e) {
            count("failed", "event-log-unavailable");
            throw e;
        } catch (ErrorResponseException e) {
            String type = e.getBody().getType().getPath();
            count("rejected", type.substring(type.lastIndexOf('/') + 1));
            throw e;
        }
    }

    /** The body as the API document describes it; {@link #stars} reads it by hand and refuses anything else. */
    @Schema(description = "Exactly {\"stars\": n}, at most 256 bytes", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    record VoteBody(@Schema(minimum = "1", maximum = "5", requiredMode = Schema.RequiredMode.REQUIRED) int stars) {
    }

    /** Exactly {@code {"stars": n}} with a whole number n from 1 to 5, in at most 256 bytes. */
    private int stars(HttpServletRequest request) throws IOException {
        byte[] bytes = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            throw problem(HttpStatus.BAD_REQUEST, "vote-too-large", "A vote is {\"stars\": 1..5}, nothing more");
        }
        JsonNode body;
        try {
            body = json.readTree(bytes);
        } catch (JacksonException e) {
            throw problem(HttpStatus.BAD_REQUEST, "malformed-json", "The body is not valid JSON");
        }
        if (body == null || !body.isObject() || !Set.of("stars").equals(Set.copyOf(body.propertyNames()))) {
            throw problem(HttpStatus.BAD_REQUEST, "invalid-vote", "The body must be {\"stars\": 1..5}");
        }
        JsonNode stars = body.get("stars");
        if (!stars.isIntegralNumber() || !stars.canConvertToInt() || stars.asInt() < 1 || stars.asInt() > 5) {
            throw problem(HttpStatus.BAD_REQUEST, "invalid-stars", "stars must be a whole number from 1 to 5");
        }
        return stars.asInt();
    }

    private void count(String outcome, String reason) {
        meters.counter("ratings.votes", "outcome", outcome, "reason", reason).increment();
    }

    record VoteAccepted(UUID ratingId, String articleId, int stars, Integer previousStars, Instant ratedAt) {
    }
}
