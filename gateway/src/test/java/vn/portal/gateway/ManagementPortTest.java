package vn.portal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalManagementPort;

/**
 * Internals stay internal (issue 11, finding 9): the actuator lives on the management port, which
 * the gateway does not route and docker-compose does not publish; the public port keeps only a
 * bare UP/DOWN for load balancers.
 */
class ManagementPortTest extends GatewayTestSupport {

    @LocalManagementPort
    int managementPort;

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/prometheus", "/actuator/metrics", "/actuator/env", "/actuator/health",
            "/actuator", "/actuator/gateway/routes", "/actuator/heapdump"})
    void answersNoActuatorEndpointOnThePublicPort(String path) {
        HttpResponse<String> response = send(request("GET", path));

        assertThat(response.statusCode()).isIn(401, 403, 404);
        assertThat(response.body()).doesNotContain("jvm_memory").doesNotContain("\"components\"")
                .doesNotContain("activeProfiles");
    }

    @Test
    void tellsALoadBalancerOnlyUpOrDownOnThePublicPort() {
        HttpResponse<String> ready = send(request("GET", "/readyz"));

        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void servesPrometheusAndHealthOnTheManagementPort() {
        assertThat(managementPort).isNotEqualTo(port);

        HttpResponse<String> scrape = send(management("/actuator/prometheus"));
        HttpResponse<String> health = send(management("/actuator/health"));

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("application=\"gateway\"");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }

    private HttpRequest.Builder management(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path))
                .timeout(Duration.ofSeconds(20));
    }
}
