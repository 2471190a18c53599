package vn.portal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** One place for the platform's API documents: the UI at the gateway lists every service's document. */
class ApiDocumentTest extends GatewayTestSupport {

    @Test
    void servesTheApiUiListingEveryServicesDocument() {
        HttpResponse<String> entry = send(request("GET", "/swagger-ui.html"));
        assertThat(entry.statusCode()).isBetween(200, 399);

        HttpResponse<String> page = send(request("GET", "/swagger-ui/index.html"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");

        HttpResponse<String> initializer = send(request("GET", "/swagger-ui/swagger-initializer.js"));
        assertThat(initializer.body()).contains("/v3/api-docs/gateway/swagger-config");

        HttpResponse<String> config = send(request("GET", "/v3/api-docs/gateway/swagger-config"));
        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(config.body())
                .contains("\"url\":\"/v3/api-docs/article-service\"")
                .contains("\"url\":\"/v3/api-docs/rating-service\"")
                .contains("\"url\":\"/v3/api-docs/media-service\"");
    }
}
