package vn.portal.rating.vote;

import static vn.portal.rating.Problems.problem;

import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import vn.portal.contracts.ArticleRated;
import vn.portal.platform.events.EventPublisher;
import vn.portal.rating.Problems;
import vn.portal.rating.article.KnownArticles;

/**
 * Accepts a vote: checks it, produces one ArticleRated and answers only after the broker
 * acknowledged it. Totals follow from the log (see {@code summary}).
 */
@RestController
class VoteController {

    /** Set by the gateway from the verified account or signed voter cookie. */
    static final String VOTER_HEADER = "X-Voter-Id";

    private final KnownArticles knownArticles;
    private final MongoTemplate mongo;
    private final EventPublisher events;
    private final Clock clock;

    VoteController(KnownArticles knownArticles, MongoTemplate mongo, EventPublisher events, Clock clock) {
        this.knownArticles = knownArticles;
        this.mongo = mongo;
        this.events = events;
        this.clock = clock;
    }

    @PostMapping("/api/articles/{articleId}/ratings")
    @ResponseStatus(HttpStatus.ACCEPTED)
    VoteAccepted vote(@PathVariable String articleId, @RequestBody JsonNode body,
                      @RequestHeader(name = VOTER_HEADER, required = false) String voter) {
        int stars = stars(body);
        String id = knownArticles.publishedArticleId(articleId).orElseThrow(() -> Problems.articleNotFound(articleId));
        // Until the gateway forwards a verified voter id, an anonymous vote is its own voter.
        String voterId = voter != null && !voter.isBlank() ? voter : "anonymous-" + UUID.randomUUID();
        Vote previous = mongo.findById(Vote.id(id, voterId), Vote.class);
        ArticleRated rated = new ArticleRated(UUID.randomUUID(), id, voterId, stars,
                previous == null ? null : previous.stars(), clock.instant());
        events.publish(rated, id, rated.ratingId().toString());
        return new VoteAccepted(rated.ratingId(), id, stars, rated.previousStars());
    }

    /** Exactly {@code {"stars": n}} with an integer n from 1 to 5. */
    private static int stars(JsonNode body) {
        if (body == null || !body.isObject() || !Set.of("stars").equals(Set.copyOf(body.propertyNames()))) {
            throw problem(HttpStatus.BAD_REQUEST, "invalid-vote", "The body must be {\"stars\": 1..5}");
        }
        JsonNode stars = body.get("stars");
        if (!stars.isIntegralNumber() || !stars.canConvertToInt() || stars.asInt() < 1 || stars.asInt() > 5) {
            throw problem(HttpStatus.BAD_REQUEST, "invalid-stars", "stars must be a whole number from 1 to 5");
        }
        return stars.asInt();
    }

    record VoteAccepted(UUID ratingId, String articleId, int stars, Integer previousStars) {
    }
}
