package vn.portal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Every request has an id: the client's when it is safe, else a new one; echoed, forwarded and logged. */
@ExtendWith(OutputCaptureExtension.class)
class RequestIdTest extends GatewayTestSupport {

    @Test
    void generatesARequestIdEchoesItAndForwardsItToTheService() {
        HttpResponse<String> response = send(request("GET", "/api/articles/a1"));

        String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(UUID.fromString(requestId)).isNotNull();
        assertThat(response.headers().allValues("X-Request-Id")).as("one, the gateway's").containsExactly(requestId);
        assertThat(response.headers().firstValue("Seen-Request-Id")).hasValue(requestId);
    }

    @Test
    void keepsASafeRequestIdTheClientSent() {
        HttpResponse<String> response = send(request("GET", "/api/articles/a1/rating")
                .header("X-Request-Id", "portal-7f3a:01.2_x"));

        assertThat(response.headers().firstValue("X-Request-Id")).hasValue("portal-7f3a:01.2_x");
        assertThat(response.headers().firstValue("Seen-Request-Id")).hasValue("portal-7f3a:01.2_x");
    }

    @Test
    void replacesAnUnsafeOrOverlongRequestId() {
        for (String unsafe : new String[] {"evil\u0000id", "<script>", "x".repeat(101), "a b"}) {
            HttpResponse<String> response = send(request("GET", "/api/articles/a1")
                    .header("X-Request-Id", unsafe.replace('\u0000', '%')));

            String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
            assertThat(requestId).isNotEqualTo(unsafe);
            assertThat(UUID.fromString(requestId)).isNotNull();
            assertThat(response.headers().firstValue("Seen-Request-Id")).hasValue(requestId);
        }
    }

    @Test
    void putsTheRequestIdOnTheGatewaysOwnErrors() {
        HttpResponse<String> response = send(request("GET", "/api/nothing-here").header("X-Request-Id", "lost-1"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("X-Request-Id")).hasValue("lost-1");
        assertThat(response.body()).contains("\"requestId\":\"lost-1\"");
    }

    @Test
    void writesOneAccessLogLineWithMethodPathStatusDurationAndRequestId(CapturedOutput output) {
        String requestId = "access-" + UUID.randomUUID();

        send(request("GET", "/api/articles/a1?page=2").header("X-Request-Id", requestId));
        send(request("POST", "/api/editorial/drafts").header("X-Request-Id", requestId + "-denied"));

        Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(output.getOut()).containsPattern(
                    "GET /api/articles/a1 200 \\d+ ms requestId=" + requestId + "\\b");
            assertThat(output.getOut()).containsPattern(
                    "POST /api/editorial/drafts 401 \\d+ ms requestId=" + requestId + "-denied");
        });
    }
}
