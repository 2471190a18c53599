package vn.portal.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.portal.contracts.ArticlePublished;
import vn.portal.contracts.ArticleRatingSummary;
import vn.portal.contracts.ArticleUnpublished;
import vn.portal.contracts.EventType;
import vn.portal.devstack.Articles;
import vn.portal.devstack.EmbeddedPlatform;
import vn.portal.devstack.hostile.PoisonScenario;

/**
 * R4 (docs/reliability.md): poison records interleaved with valid ones on each topic
 * article-service consumes, sent by a plain producer; what was applied is read through the
 * article API, what was refused from each {@code <topic>.DLT}.
 */
@EmbeddedPlatform
class PoisonEventsTest extends FlowTestSupport {

    @Test
    void deadLettersEveryPoisonRecordWithItsReasonAndAppliesEveryValidOneWithoutStalling() {
        String run = unique();
        PoisonScenario scenario = PoisonScenario.on("article-service", System.getProperty("spring.kafka.bootstrap-servers"));
        scenario.topic(EventType.ARTICLE_PUBLISHED, i -> Articles.article("Bản tin R4 " + run + " số " + i),
                        published -> revisionShown(published.articleId()) == 1)
                .topic(EventType.ARTICLE_UNPUBLISHED,
                        i -> new ArticleUnpublished("r4-" + run + "-go-" + i, 2, Instant.now(), "Gỡ bài thử nghiệm"),
                        unpublished -> publishFirst(scenario, unpublished.stream().map(ArticleUnpublished::articleId).toList()),
                        unpublished -> status(unpublished.articleId()) == 410)
                .topic(EventType.ARTICLE_RATING_SUMMARY,
                        i -> new ArticleRatingSummary("r4-" + run + "-diem-" + i, 9, 2, 4.5, List.of(0L, 0L, 0L, 1L, 1L),
                                4.2, Instant.now()),
                        summaries -> publishFirst(scenario, summaries.stream().map(ArticleRatingSummary::articleId).toList()),
                        summary -> ratingCount(summary.articleId()) == summary.count());

        PoisonScenario.Result result = scenario.run(Duration.ofSeconds(60));

        assertThat(result.breaches()).isEmpty();
        assertThat(result.lost()).isZero();
        assertThat(result.applied() + result.deadLettered()).isEqualTo(result.sent());
    }

    /** Publishes an article for each id (revision 1) and waits until the API shows all of them. */
    private void publishFirst(PoisonScenario scenario, List<String> articleIds) {
        List<ArticlePublished> articles = articleIds.stream().map(id -> {
            ArticlePublished a = Articles.article("Bài trước bản tin R4 " + UUID.randomUUID());
            return new ArticlePublished(id, 1, null, a.title(), a.lead(), a.bodyHtml(), a.images(), a.author(),
                    a.category(), a.tags(), a.language(), a.publishedAt(), a.updatedAt(), null);
        }).toList();
        scenario.send(articles);
        await().atMost(WAIT).until(() -> articleIds.stream().allMatch(id -> status(id) == 200));
    }

    private int status(String articleId) {
        try {
            return get("/api/articles/" + articleId).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private long revisionShown(String articleId) {
        try {
            HttpResponse<byte[]> response = get("/api/articles/" + articleId);
            return response.statusCode() == 200 ? json(response).get("revision").asLong() : -1;
        } catch (Exception e) {
            return -1;
        }
    }

    private long ratingCount(String articleId) {
        try {
            HttpResponse<byte[]> response = get("/api/articles/" + articleId);
            return response.statusCode() == 200 ? json(response).get("rating").get("count").asLong() : -1;
        } catch (Exception e) {
            return -1;
        }
    }
}
