package vn.portal.rating;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.portal.contracts.ArticlePublished;
import vn.portal.devstack.DashboardMeters;
import vn.portal.devstack.EmbeddedPlatform;

/**
 * After a vote and its tally, the Prometheus scrape (the registry's, which /actuator/prometheus
 * answers with) shows every meter of the Grafana dashboard that rating-service is responsible for.
 */
@EmbeddedPlatform
class DashboardMetersTest extends RatingServiceTestSupport {

    @Autowired
    PrometheusMeterRegistry prometheus;

    @Test
    void scrapesEveryMeterTheDashboardReadsAfterAVoteAndARead() throws Exception {
        ArticlePublished article = publishedArticle("Bảng điều khiển: lượt đánh giá");
        assertThat(vote(article.articleId(), "{\"stars\": 4}", null).statusCode()).isEqualTo(202);
        awaitRating(article.articleId(), 1);
        System.gc(); // the GC meters count pauses; make sure one happened in this short run

        Set<String> missing = new TreeSet<>(DashboardMeters.ownedBy("rating-service"));
        missing.removeAll(DashboardMeters.scraped(prometheus.scrape()));

        assertThat(DashboardMeters.ownedBy("rating-service")).contains("ratings_votes_total");
        assertThat(missing).as("meters the dashboard reads that rating-service does not serve").isEmpty();
    }
}
