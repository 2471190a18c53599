package vn.portal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Security headers on every response, the services' and the gateway's own; CORS for the portal's origins only. */
class ResponseHeadersTest extends GatewayTestSupport {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(textBlock = """
            GET,  /api/articles/a1,      200
            GET,  /api/unknown,          404
            POST, /api/editorial/drafts, 401
            GET,  /readyz,               200
            """)
    void putsSecurityHeadersOnEveryResponse(String method, String path, int status) {
        HttpResponse<String> response = send(request(method, path));

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(response.headers().allValues("X-Frame-Options")).containsExactly("DENY");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("default-src 'none'").contains("frame-ancestors 'none'"));
        assertThat(response.headers().firstValue("Strict-Transport-Security")).as("plain HTTP").isEmpty();
    }

    @Test
    void sendsHstsOnlyBehindTls() {
        HttpResponse<String> response = send(request("GET", "/api/articles/a1").header("X-Forwarded-Proto", "https"));

        assertThat(response.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
                hsts -> assertThat(hsts).startsWith("max-age="));
    }

    @Test
    void answersAPreflightFromThePortalOrigin() {
        HttpResponse<String> response = send(request("/api/articles/a1/ratings")
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:3000");
        assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).hasValueSatisfying(
                methods -> assertThat(methods).contains("POST"));
    }

    @Test
    void letsThePortalOriginReadAnswersAndTheirRequestId() {
        HttpResponse<String> response = send(request("GET", "/api/articles/a1").header("Origin", "http://localhost:3000"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("Access-Control-Allow-Origin")).containsExactly("http://localhost:3000");
        assertThat(response.headers().firstValue("Access-Control-Expose-Headers")).hasValueSatisfying(
                exposed -> assertThat(exposed).contains("X-Request-Id").contains("Retry-After"));
    }

    @Test
    void refusesOtherOriginsWithAProblem() {
        HttpResponse<String> preflight = send(request("/api/articles/a1/ratings")
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST"));
        HttpResponse<String> simple = send(request("POST", "/api/articles/a1/ratings").header("Origin", "https://evil.example"));

        for (HttpResponse<String> response : java.util.List.of(preflight, simple)) {
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
            assertThat(response.body()).contains("https://portal.vn/problems/cors-origin-not-allowed");
            assertThat(response.headers().firstValue("Seen-Body-Length")).as("never reached the service").isEmpty();
        }
    }

    @Test
    void letsTheApiDocumentUiRunItsOwnScripts() {
        HttpResponse<String> ui = send(request("GET", "/swagger-ui/index.html"));

        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'none'"));
    }
}
