package vn.portal.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.portal.contracts.ArticlePublished;
import vn.portal.contracts.ArticleUnpublished;
import vn.portal.contracts.EventType;
import vn.portal.devstack.Articles;
import vn.portal.devstack.EmbeddedPlatform;
import vn.portal.devstack.hostile.PoisonScenario;

/**
 * R4 (docs/reliability.md): poison records interleaved with valid ones on each topic media-service
 * consumes (the article topics, for the articles' galleries), sent by a plain producer; what was
 * applied is read through the gallery API, what was refused from each {@code <topic>.DLT}. The
 * context is {@link MediaFlowContract}'s (the same settings), so the test JVM keeps one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.servlet.multipart.max-file-size=2MB", "spring.servlet.multipart.max-request-size=3MB"})
@EmbeddedPlatform
class PoisonEventsTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @LocalServerPort
    int port;

    @Test
    void deadLettersEveryPoisonRecordWithItsReasonAndAppliesEveryValidOneWithoutStalling() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        PoisonScenario scenario = PoisonScenario.on("media-service", System.getProperty("spring.kafka.bootstrap-servers"));
        scenario.topic(EventType.ARTICLE_PUBLISHED, i -> Articles.article("Bản tin R4 " + run + " số " + i),
                        published -> gallery(published.articleId()) == 200)
                .topic(EventType.ARTICLE_UNPUBLISHED,
                        i -> new ArticleUnpublished("r4-" + run + "-go-" + i, 2, Instant.now(), "Gỡ bài thử nghiệm"),
                        unpublished -> publishFirst(scenario, unpublished.stream().map(ArticleUnpublished::articleId).toList()),
                        unpublished -> gallery(unpublished.articleId()) == 404);

        PoisonScenario.Result result = scenario.run(Duration.ofSeconds(60));

        assertThat(result.breaches()).isEmpty();
        assertThat(result.lost()).isZero();
        assertThat(result.applied() + result.deadLettered()).isEqualTo(result.sent());
    }

    /** Publishes an article with images for each id (revision 1) and waits until each has its gallery. */
    private void publishFirst(PoisonScenario scenario, List<String> articleIds) {
        List<ArticlePublished> articles = articleIds.stream().map(id -> {
            ArticlePublished a = Articles.article("Bài trước bản tin R4 " + UUID.randomUUID());
            return new ArticlePublished(id, 1, null, a.title(), a.lead(), a.bodyHtml(), a.images(), a.author(),
                    a.category(), a.tags(), a.language(), a.publishedAt(), a.updatedAt(), null);
        }).toList();
        scenario.send(articles);
        await().atMost(Duration.ofSeconds(30)).until(() -> articleIds.stream().allMatch(id -> gallery(id) == 200));
    }

    private int gallery(String articleId) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/articles/" + articleId
                    + "/gallery")).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }
}
