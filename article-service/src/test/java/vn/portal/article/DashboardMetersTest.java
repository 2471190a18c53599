package vn.portal.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.portal.contracts.EventType;
import vn.portal.devstack.DashboardMeters;
import vn.portal.devstack.EmbeddedPlatform;
import vn.portal.devstack.EventRecords;

/**
 * After an editor's publish, its ingest, a dead letter and a read, the Prometheus scrape (the
 * registry's, which /actuator/prometheus answers with) shows every meter of the Grafana dashboard
 * that article-service is responsible for.
 */
@EmbeddedPlatform
class DashboardMetersTest extends FlowTestSupport {

    @Autowired
    PrometheusMeterRegistry prometheus;

    @Test
    void scrapesEveryMeterTheDashboardReadsAfterAPublishAnIngestADeadLetterAndARead() throws Exception {
        String id = json(call("POST", "/api/editorial/drafts", editorToken(),
                Map.of("title", "Bảng điều khiển " + unique(), "lead", "Tin từ Kon Tum.",
                        "bodyHtml", "<p>Nội dung</p>", "author", "Thái Hoàn", "category", "Tin tức - Sự kiện"))).get("id").asString();
        assertThat(call("POST", "/api/editorial/drafts/" + id + "/publish", editorToken(), null).statusCode()).isEqualTo(202);
        awaitRevision(id, 1);
        kafka.send(EventRecords.raw(EventType.ARTICLE_PUBLISHED, "bad-" + unique(),
                "not json".getBytes(StandardCharsets.UTF_8))).get();
        await().atMost(WAIT).until(() -> meters.find("events.dead-lettered").counter() != null);
        assertThat(get("/api/articles/" + id).statusCode()).isEqualTo(200);
        System.gc(); // the GC meters count pauses; make sure one happened in this short run

        Set<String> missing = new TreeSet<>(DashboardMeters.ownedBy("article-service"));
        missing.removeAll(DashboardMeters.scraped(prometheus.scrape()));

        assertThat(DashboardMeters.ownedBy("article-service")).contains("articles_published_total",
                "articles_ingested_total", "events_dead_lettered_total", "http_server_requests_seconds_bucket");
        assertThat(missing).as("meters the dashboard reads that article-service does not serve").isEmpty();
    }
}
