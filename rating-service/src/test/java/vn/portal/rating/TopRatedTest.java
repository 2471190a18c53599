package vn.portal.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.portal.contracts.ArticlePublished;
import vn.portal.devstack.EmbeddedPlatform;

/** The best-rated list ranks by score and leaves out articles with too few votes. */
@EmbeddedPlatform
class TopRatedTest extends RatingServiceTestSupport {

    @Test
    void ranksByScoreAndLeavesOutArticlesWithFewerThanTheMinimumVotes() throws Exception {
        ArticlePublished threeFives = publishedArticle("Ba phiếu năm sao " + UUID.randomUUID());   // (15+15)/8 = 3.75
        ArticlePublished fourFours = publishedArticle("Bốn phiếu bốn sao " + UUID.randomUUID());   // (15+16)/9 = 3.44
        ArticlePublished twoFives = publishedArticle("Hai phiếu năm sao " + UUID.randomUUID());    // 2 votes: too few
        voteMany(threeFives, 5, 3);
        voteMany(fourFours, 4, 4);
        voteMany(twoFives, 5, 2);
        awaitRating(threeFives.articleId(), 3);
        awaitRating(fourFours.articleId(), 4);
        awaitRating(twoFives.articleId(), 2);

        // the list reads the current votes, a read model of its own that may still be folding an earlier
        // test's backlog when the totals are already there
        JsonNode top = await().atMost(Duration.ofSeconds(30)).until(() -> JSON.readTree(HTTP_CLIENT.send(
                        request("/api/ratings/top?days=7&limit=100").build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString()).body()),
                list -> list.valueStream().map(entry -> entry.get("articleId").asString()).toList()
                        .containsAll(List.of(threeFives.articleId(), fourFours.articleId())));

        List<String> ids = top.valueStream().map(entry -> entry.get("articleId").asString()).toList();
        assertThat(ids).contains(threeFives.articleId(), fourFours.articleId()).doesNotContain(twoFives.articleId());
        assertThat(ids.indexOf(threeFives.articleId())).isLessThan(ids.indexOf(fourFours.articleId()));
        JsonNode first = top.get(ids.indexOf(threeFives.articleId()));
        assertThat(first.get("score").asDouble()).isEqualTo(3.75);
        assertThat(first.get("title").asString()).isEqualTo(threeFives.title());
    }

    private void voteMany(ArticlePublished article, int stars, int voters) throws Exception {
        for (int i = 0; i < voters; i++) {
            assertThat(vote(article.articleId(), "{\"stars\":" + stars + "}", null).statusCode()).isEqualTo(202);
        }
    }
}
