package vn.portal.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.portal.contracts.ArticlePublished;
import vn.portal.contracts.ArticleRated;
import vn.portal.contracts.ArticleRatingSummary;
import vn.portal.contracts.ArticleUnpublished;
import vn.portal.contracts.EventType;
import vn.portal.devstack.Articles;
import vn.portal.devstack.EmbeddedPlatform;
import vn.portal.devstack.hostile.PoisonScenario;

/**
 * R4 (docs/reliability.md): poison records interleaved with valid ones on each topic
 * rating-service consumes (the article topics for its list of known articles, ArticleRated for the
 * tally and the current votes, ArticleRatingSummary for the totals), sent by a plain producer; what was applied is read through the
 * rating API and the current votes' collection, what was refused from each {@code <topic>.DLT}.
 */
@EmbeddedPlatform
class PoisonEventsTest extends RatingServiceTestSupport {

    @Test
    void deadLettersEveryPoisonRecordWithItsReasonAndAppliesEveryValidOneWithoutStalling() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        PoisonScenario scenario = PoisonScenario.on("rating-service", System.getProperty("spring.kafka.bootstrap-servers"));
        scenario.topic(EventType.ARTICLE_PUBLISHED, i -> Articles.article("Bản tin R4 " + run + " số " + i),
                        published -> status(published.articleId()) == 200)
                .topic(EventType.ARTICLE_UNPUBLISHED,
                        i -> new ArticleUnpublished("r4-" + run + "-go-" + i, 2, Instant.now(), "Gỡ bài thử nghiệm"),
                        unpublished -> publishFirst(scenario, unpublished.stream().map(ArticleUnpublished::articleId).toList()),
                        unpublished -> status(unpublished.articleId()) == 404)
                .topic(EventType.ARTICLE_RATED,
                        i -> new ArticleRated(UUID.randomUUID(), "r4-" + run + "-phieu-" + i, "v-r4-" + i, 4, null,
                                Instant.now()),
                        votes -> publishFirst(scenario, votes.stream().map(ArticleRated::articleId).toList()),
                        // in the totals (the tally) and in the current votes (what the top list reads)
                        vote -> votesCounted(vote.articleId()) == 1 && mongo.getCollection("votes")
                                .countDocuments(new org.bson.Document("articleId", vote.articleId())) == 1)
                // the totals are a read model of the summaries (its own tally's output)
                .topic(EventType.ARTICLE_RATING_SUMMARY,
                        i -> new ArticleRatingSummary("r4-" + run + "-diem-" + i, 9, 2, 4.5, List.of(0L, 0L, 0L, 1L, 1L),
                                4.2, Instant.now()),
                        summaries -> publishFirst(scenario, summaries.stream().map(ArticleRatingSummary::articleId).toList()),
                        summary -> votesCounted(summary.articleId()) == summary.count());

        PoisonScenario.Result result = scenario.run(Duration.ofSeconds(60));

        assertThat(result.breaches()).isEmpty();
        assertThat(result.lost()).isZero();
        assertThat(result.applied() + result.deadLettered()).isEqualTo(result.sent());
    }

    /** Publishes an article for each id (revision 1) and waits until the rating API knows all of them. */
    private void publishFirst(PoisonScenario scenario, List<String> articleIds) {
        List<ArticlePublished> articles = articleIds.stream().map(id -> {
            ArticlePublished a = Articles.article("Bài trước bản tin R4 " + UUID.randomUUID());
            return new ArticlePublished(id, 1, null, a.title(), a.lead(), a.bodyHtml(), a.images(), a.author(),
                    a.category(), a.tags(), a.language(), a.publishedAt(), a.updatedAt(), null);
        }).toList();
        scenario.send(articles);
        await().atMost(Duration.ofSeconds(30)).until(() -> articleIds.stream().allMatch(id -> status(id) == 200));
    }

    private int status(String articleId) {
        try {
            return HTTP_CLIENT.send(request("/api/articles/" + articleId + "/rating").build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private long votesCounted(String articleId) {
        try {
            HttpResponse<byte[]> response = HTTP_CLIENT.send(request("/api/articles/" + articleId + "/rating").build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return response.statusCode() == 200 ? JSON.readTree(response.body()).get("count").asLong() : -1;
        } catch (Exception e) {
            return -1;
        }
    }
}
