package vn.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The portal in front of a stand-in gateway that answers like the real one, with rating-service
 * and media-service down (503 problems): the article page still renders what it can, and a gateway
 * that cannot be reached gives the reader a polite page, never a stack trace.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "portal.api-cache-ttl=1ms")
class PagesWhenPartsAreDownTest {

    private static final String SLUG = "khoi-mat-tran-va-cac-to-chuc-chinh-tri-xa-hoi-tinh-tong-ket-cong-tac-thi-dua";
    private static final Map<String, String> SEEN_FORWARDED_FOR = new ConcurrentHashMap<>();
    private static final HttpServer GATEWAY = standInGateway();
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        registry.add("portal.gateway-url", () -> "http://127.0.0.1:" + GATEWAY.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        GATEWAY.stop(0);
    }

    @Test
    void rendersTheArticleWithoutRatingServiceAndMediaService() throws Exception {
        HttpResponse<String> page = get("/tin-tuc/" + SLUG);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline"));
        assertThat(page.headers().firstValue("ETag")).isPresent();
        assertThat(page.body()).contains("<h1 class=\"headline\">Khối Mặt trận và các tổ chức chính trị xã hội tỉnh tổng kết công tác thi đua</h1>")
                // the rating line from the article's last summary, the photos with their alt text
                .contains("Tổng số điểm của bài viết là: 3 trong 1 đánh giá")
                .contains("alt=\"Toàn cảnh Hội nghị\"")
                .contains("Thứ Tư, 31/01/2024 10:00")
                .doesNotContain("srcset");
    }

    /** The gateway says who the reader is; the portal's reads carry it, so the reader is limited, not the portal. */
    @Test
    void readsTheApiAsTheReaderTheGatewayNamed() throws Exception {
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/tin-tuc/" + SLUG))
                .header("X-Client-Address", "203.0.113.5").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(SEEN_FORWARDED_FOR.get("/api/articles/" + SLUG)).isEqualTo("203.0.113.5");
    }

    @Test
    void redirectsAnArticleIdToItsSlug() throws Exception {
        HttpResponse<String> byId = get("/tin-tuc/3f6d2a9e-5b1c-4c7e-9a42-6f1e0b7d8c35");

        assertThat(byId.statusCode()).isEqualTo(301);
        assertThat(byId.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/tin-tuc/" + SLUG));
    }

    @Test
    void answersAnUnknownArticleAndAWithdrawnOneWithVietnamesePages() throws Exception {
        HttpResponse<String> missing = get("/tin-tuc/khong-co");
        HttpResponse<String> withdrawn = get("/tin-tuc/da-go");
        HttpResponse<String> nowhere = get("/khong/co/trang/nay");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("Không tìm thấy trang").contains("lang=\"vi\"");
        assertThat(withdrawn.statusCode()).isEqualTo(410);
        assertThat(withdrawn.body()).contains("Bài viết đã được gỡ");
        assertThat(nowhere.statusCode()).isEqualTo(404);
        assertThat(nowhere.body()).contains("Không tìm thấy trang");
    }

    @Test
    void answersPolitelyWhenTheGatewayCannotAnswer() throws Exception {
        HttpResponse<String> page = get("/tin-tuc/gateway-fails");

        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.headers().firstValue("Retry-After")).isPresent();
        assertThat(page.body()).contains("Hệ thống đang bận").doesNotContain("Exception");
    }

    @Test
    void marksTheSearchWordsWithoutDiacritics() throws Exception {
        HttpResponse<String> page = get("/tim-kiem?q=thi+dua");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("công tác <mark>thi đua</mark>").contains("1 kết quả cho “thi dua”");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpServer standInGateway() {
        try {
            String article;
            try (InputStream in = PagesWhenPartsAreDownTest.class.getResourceAsStream("/seed-article-answer.json")) {
                article = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String item = "{\"id\":\"3f6d2a9e-5b1c-4c7e-9a42-6f1e0b7d8c35\",\"slug\":\"" + SLUG + "\","
                    + "\"title\":\"Khối Mặt trận và các tổ chức chính trị xã hội tỉnh tổng kết công tác thi đua\","
                    + "\"lead\":\"Tin.\",\"category\":\"Tin tức - Sự kiện\",\"coverImageUrl\":null,"
                    + "\"publishedAt\":\"2024-01-31T10:00:00+07:00\"}";
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                String forwardedFor = exchange.getRequestHeaders().getFirst("X-Forwarded-For");
                SEEN_FORWARDED_FOR.put(path, forwardedFor == null ? "" : forwardedFor);
                int status;
                String body;
                if (path.equals("/api/articles/" + SLUG) || path.equals("/api/articles/3f6d2a9e-5b1c-4c7e-9a42-6f1e0b7d8c35")) {
                    status = 200;
                    body = article;
                } else if (path.equals("/api/articles") || path.equals("/api/articles/search")) {
                    status = 200;
                    body = "{\"items\":[" + item + "],\"page\":0,\"size\":20,\"total\":1}";
                } else if (path.equals("/api/articles/da-go")) {
                    status = 410;
                    body = problem(410, "article-withdrawn");
                } else if (path.equals("/api/articles/gateway-fails")) {
                    status = 502;
                    body = problem(502, "bad-gateway");
                } else if (path.endsWith("/rating") || path.startsWith("/api/media/")) {
                    status = 503;
                    body = problem(503, "unavailable");
                } else {
                    status = 404;
                    body = problem(404, "not-found");
                }
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", status == 200 ? "application/json" : "application/problem+json");
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String problem(int status, String slug) {
        return "{\"type\":\"https://portal.vn/problems/" + slug + "\",\"status\":" + status + "}";
    }
}
