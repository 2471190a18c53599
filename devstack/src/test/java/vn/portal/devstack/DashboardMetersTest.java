package vn.portal.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The provisioned dashboard is valid JSON, every panel reads the provisioned datasource, and every
 * meter it names is checked against a real scrape by one service's DashboardMetersTest.
 */
class DashboardMetersTest {

    @Test
    void isAValidDashboardOnTheProvisionedDatasource() {
        JsonNode dashboard = DashboardMeters.dashboard();

        assertThat(dashboard.path("uid").asString()).isEqualTo("vn-portal-platform");
        assertThat(dashboard.path("panels").size()).isGreaterThanOrEqualTo(9);
        dashboard.path("panels").forEach(panel -> {
            assertThat(panel.path("datasource").path("uid").asString()).as(panel.path("title").asString())
                    .isEqualTo("prometheus");
            assertThat(panel.path("targets").size()).as(panel.path("title").asString()).isPositive();
        });
    }

    @Test
    void leavesNoMeterUncheckedByAService() {
        Set<String> unchecked = new TreeSet<>(DashboardMeters.metricNames(DashboardMeters.dashboard()));
        DashboardMeters.OWNERS.keySet().forEach(service -> unchecked.removeAll(DashboardMeters.ownedBy(service)));

        assertThat(unchecked).isEmpty();
    }

    @Test
    void readsTheMetricNamesOfAPromQlExpression() {
        assertThat(DashboardMeters.metricNames("histogram_quantile(0.99, sum by (le, application) "
                + "(rate(http_server_requests_seconds_bucket{method=\"GET\", uri=~\"/api/.*\"}[5m])))"))
                .containsExactly("http_server_requests_seconds_bucket");
        assertThat(DashboardMeters.metricNames("sum by (application) (rate(a_total{status=~\"5..\"}[$__rate_interval]))"
                + " / sum by (application) (rate(b_count[1m]))"))
                .containsExactly("a_total", "b_count");
    }

    @Test
    void readsTheMetricNamesOfAScrape() {
        assertThat(DashboardMeters.scraped("""
                # HELP jvm_memory_used_bytes The amount of used memory
                # TYPE jvm_memory_used_bytes gauge
                jvm_memory_used_bytes{application="x",area="heap"} 1.2E7
                up 1
                """)).containsExactly("jvm_memory_used_bytes", "up");
    }
}
