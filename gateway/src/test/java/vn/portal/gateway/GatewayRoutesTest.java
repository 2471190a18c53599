package vn.portal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The route table: each path reaches the service that owns it. The services are stand-in HTTP
 * servers that answer with their own name and the path they were asked for.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayRoutesTest {

    private static final Map<String, HttpServer> SERVICES = Map.of(
            "article-service", standIn("article-service"),
            "rating-service", standIn("rating-service"),
            "media-service", standIn("media-service"));
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("ARTICLE_SERVICE_URL", () -> url("article-service"));
        registry.add("RATING_SERVICE_URL", () -> url("rating-service"));
        registry.add("MEDIA_SERVICE_URL", () -> url("media-service"));
    }

    @AfterAll
    static void stop() {
        SERVICES.values().forEach(server -> server.stop(0));
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            GET,  /api/articles,                                   article-service
            GET,  /api/articles?page=1,                            article-service
            GET,  /api/articles/khoi-mat-tran-va-cac-to-chuc,      article-service
            GET,  /api/articles/a1/rating,                         rating-service
            POST, /api/articles/a1/ratings,                        rating-service
            GET,  /api/ratings/top,                                rating-service
            POST, /api/media,                                      media-service
            GET,  /api/media/m1/original,                          media-service
            GET,  /api/articles/a1/gallery,                        media-service
            GET,  /api/galleries,                                  media-service
            """)
    void routesEachPathToTheServiceThatOwnsIt(String method, String path, String service) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(service + " " + method + " " + path);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            /api/unknown
            /admin
            """)
    void answersAPathNoServiceOwnsWithANotFoundProblem(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    private static String url(String service) {
        return "http://127.0.0.1:" + SERVICES.get(service).getAddress().getPort();
    }

    private static HttpServer standIn(String name) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                byte[] body = (name + " " + exchange.getRequestMethod() + " " + exchange.getRequestURI())
                        .getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
