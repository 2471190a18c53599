package vn.portal.rating.summary;

import static org.springframework.data.mongodb.core.aggregation.Aggregation.group;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.match;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.newAggregation;
import static vn.portal.platform.web.Problems.problem;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.portal.rating.article.KnownArticles;
import vn.portal.rating.vote.Vote;

/**
 * The best-rated published articles by ranking score, over the current votes cast in the last
 * {@code days} days, among articles with at least {@code rating.top.min-votes} such votes.
 */
@RestController
class TopRatedController {

    private final MongoTemplate mongo;
    private final KnownArticles knownArticles;
    private final Clock clock;
    private final int minVotes;

    TopRatedController(MongoTemplate mongo, KnownArticles knownArticles, Clock clock,
                       @Value("${rating.top.min-votes:3}") int minVotes) {
        this.mongo = mongo;
        this.knownArticles = knownArticles;
        this.clock = clock;
        this.minVotes = minVotes;
    }

    @GetMapping("/api/ratings/top")
    List<TopRated> top(@RequestParam(defaultValue = "7") int days, @RequestParam(defaultValue = "10") int limit) {
        if (days < 1 || days > 365 || limit < 1 || limit > 100) {
            throw problem(HttpStatus.BAD_REQUEST, "invalid-top-query", "days must be 1..365 and limit 1..100");
        }
        List<Document> rows = mongo.aggregate(newAggregation(
                        match(Criteria.where("ratedAt").gte(clock.instant().minus(Duration.ofDays(days)))),
                        group("articleId").count().as("count").sum("stars").as("points")),
                Vote.class, Document.class).getMappedResults();
        List<Document> eligible = rows.stream().filter(row -> number(row, "count") >= minVotes).toList();
        Map<String, KnownArticles.Headline> headlines =
                knownArticles.publishedHeadlines(eligible.stream().map(row -> row.getString("_id")).toList());
        return eligible.stream()
                .filter(row -> headlines.containsKey(row.getString("_id")))
                .map(row -> {
                    long count = number(row, "count");
                    long points = number(row, "points");
                    KnownArticles.Headline headline = headlines.get(row.getString("_id"));
                    return new TopRated(row.getString("_id"), headline.slug(), headline.title(), points, count,
                            (double) points / count, RatingTotals.score(points, count));
                })
                .sorted(Comparator.comparingDouble(TopRated::score).reversed().thenComparing(TopRated::articleId))
                .limit(limit)
                .toList();
    }

    private static long number(Document row, String field) {
        return ((Number) row.get(field)).longValue();
    }

    record TopRated(String articleId, String slug, String title, long points, long count, double average,
                    double score) {
    }
}
