package vn.portal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import vn.portal.devstack.DevIssuer;

/**
 * Request bodies are bounded: 21 MB for uploads (a 20 MB photo and its fields), 2 MB for drafts
 * ({@code POST}/{@code PUT /api/editorial/**}), 64 KB for everything else; more is a 413 problem.
 */
class RequestSizeTest extends GatewayTestSupport {

    static final int KB = 1024;
    static final int MB = 1024 * KB;

    @Test
    void passesABodyUpToTheLimit() {
        HttpResponse<String> response = send(request("/api/articles/a1/ratings")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[64 * KB])));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Seen-Body-Length")).hasValue(Integer.toString(64 * KB));
    }

    @Test
    void refusesABodyOverTheLimitWithAProblem() {
        HttpResponse<String> response = send(request("/api/articles/a1/ratings")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[64 * KB + 1])));

        assertTooLarge(response, "64 KB");
    }

    @Test
    void refusesAChunkedBodyOnceItPassesTheLimit() {
        HttpResponse<String> response = send(request("/api/articles/a1/ratings")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[200 * KB]))));

        assertTooLarge(response, "64 KB");
    }

    @Test
    void passesAnUploadOfATwentyMegabytePhotoWithItsFields() {
        HttpResponse<String> response = send(upload(21 * MB));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Seen-Body-Length")).hasValue(Integer.toString(21 * MB));
    }

    @Test
    void refusesAnUploadOverTheLimit() {
        assertTooLarge(send(upload(21 * MB + 1)), "21 MB");
    }

    @Test
    void passesAnEditorialDraftOfTwoMegabytes() {
        HttpResponse<String> created = send(editorial("POST", "/api/editorial/drafts",
                HttpRequest.BodyPublishers.ofByteArray(new byte[2 * MB])));
        HttpResponse<String> saved = send(editorial("PUT", "/api/editorial/drafts/d1",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[2 * MB]))));

        for (HttpResponse<String> response : java.util.List.of(created, saved)) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Seen-Body-Length")).hasValue(Integer.toString(2 * MB));
        }
    }

    @Test
    void refusesAnEditorialDraftOverTwoMegabytes() {
        assertTooLarge(send(editorial("POST", "/api/editorial/drafts",
                HttpRequest.BodyPublishers.ofByteArray(new byte[2 * MB + 1]))), "2 MB");
        assertTooLarge(send(editorial("PUT", "/api/editorial/drafts/d1",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[3 * MB])))), "2 MB");
    }

    @Test
    void keepsTheSmallLimitForEditorialCallsOtherThanPostAndPut() {
        assertTooLarge(send(editorial("PATCH", "/api/editorial/drafts/d1",
                HttpRequest.BodyPublishers.ofByteArray(new byte[64 * KB + 1]))), "64 KB");
        assertTooLarge(send(editorial("POST", "/api/admin/rebuild",
                HttpRequest.BodyPublishers.ofByteArray(new byte[64 * KB + 1]))), "64 KB");
    }

    private HttpRequest.Builder editorial(String method, String path, HttpRequest.BodyPublisher body) {
        return request(path)
                .header("Authorization", "Bearer " + DevIssuer.forTests().editorToken("bien.tap.vien"))
                .header("Content-Type", "application/json")
                .method(method, body);
    }

    private HttpRequest.Builder upload(int bytes) {
        return request("/api/media")
                .header("Authorization", "Bearer " + DevIssuer.forTests().editorToken("bien.tap.vien"))
                .header("Content-Type", "multipart/form-data; boundary=x")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[bytes]));
    }

    private static void assertTooLarge(HttpResponse<String> response, String limit) {
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("https://portal.vn/problems/payload-too-large").contains(limit);
    }
}
