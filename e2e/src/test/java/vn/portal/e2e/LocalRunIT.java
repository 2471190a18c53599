package vn.portal.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.portal.devstack.DevIssuer;
import vn.portal.devstack.LocalRun;
import vn.portal.platform.events.CloudEventHeaders;

/**
 * What README's run command promises, checked from outside as a user would: the seed article
 * through the gateway with its Vietnamese text byte-exact, a rating, the ArticleRated event with
 * its CloudEvents headers, problem details for bad input, and everything kept across a restart.
 */
class LocalRunIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void servesRatesAndKeepsTheSeedArticleAcrossARestart(@TempDir Path data) throws Exception {
        LocalRun.Settings settings = LocalRun.Settings.onFreePorts(ROOT, data);
        JsonNode fixture = seedFixture();
        String slug = fixture.get("expectedSlug").asString();

        LocalRun run = LocalRun.start(settings);
        try {
            assertThat(run.seedSlug()).isEqualTo(slug);
            HttpResponse<byte[]> article = await().atMost(Duration.ofSeconds(30))
                    .until(() -> get(settings, "/api/articles/" + slug), r -> r.statusCode() == 200);
            JsonNode body = JSON.readTree(article.body());
            assertThat(body.get("title").asString()).isEqualTo(fixture.get("title").asString());
            assertThat(body.get("lead").asString()).isEqualTo(fixture.get("lead").asString());
            assertThat(body.get("author").asString()).isEqualTo(fixture.get("author").asString());
            assertThat(article.body()).containsSequence(fixture.get("title").asString().getBytes(StandardCharsets.UTF_8));
            String photo = body.get("images").get(0).get("url").asString();
            HttpResponse<byte[]> image = get(settings, photo);
            assertThat(image.statusCode()).isEqualTo(200);
            assertThat(image.headers().firstValue("Content-Type")).hasValue("image/jpeg");

            String requestId = "e2e-" + UUID.randomUUID();
            HttpResponse<byte[]> accepted = send(settings, "/api/articles/" + slug + "/ratings", "POST", "{\"stars\":4}",
                    Map.of("X-Request-Id", requestId));
            assertThat(accepted.statusCode()).isEqualTo(202);
            assertThat(accepted.headers().firstValue("X-Request-Id")).hasValue(requestId);
            assertThat(accepted.headers().firstValue("Set-Cookie")).hasValueSatisfying(
                    cookie -> assertThat(cookie).startsWith("portal_voter=").containsIgnoringCase("HttpOnly"));
            JsonNode rating = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .until(() -> JSON.readTree(get(settings, "/api/articles/" + slug + "/rating").body()),
                            r -> r.get("count").asLong() == 1);
            assertThat(rating.get("points").asLong()).isEqualTo(4);
            assertThat(rating.get("label").asString()).isEqualTo("Tổng số điểm của bài viết là: 4 trong 1 đánh giá");

            ConsumerRecord<String, byte[]> rated = firstRecord(run.kafkaBootstrapServers(), "ArticleRated");
            assertThat(CloudEventHeaders.read(rated.headers(), CloudEventHeaders.TYPE)).hasValue("vn.portal.article.rated.v1");
            assertThat(JSON.readTree(rated.value()).get("stars").asInt()).isEqualTo(4);
            // the gateway's request id reaches the service's log and the event it produced
            assertThat(CloudEventHeaders.read(rated.headers(), CloudEventHeaders.REQUEST_ID)).hasValue(requestId);
            assertThat(Files.readString(data.resolve("logs/rating-service.log"))).contains("[" + requestId + "]");

            publishesThroughTheEditorialApi(settings, run.issuer());

            for (String bad : List.of("{\"stars\":0}", "{\"stars\":6}", "{\"stars\":")) {
                HttpResponse<byte[]> refused = post(settings, "/api/articles/" + slug + "/ratings", bad);
                assertThat(refused.statusCode()).as(bad).isEqualTo(400);
                assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            }
            assertThat(post(settings, "/api/articles/khong-co-bai-nay/ratings", "{\"stars\":4}").statusCode()).isEqualTo(404);
            assertThat(get(settings, "/api/articles/khong-co-bai-nay").statusCode()).isEqualTo(404);

            // internals only on the management ports (issue 11, finding 9)
            for (String internal : List.of("/actuator/prometheus", "/actuator/metrics", "/actuator/env")) {
                assertThat(get(settings, internal).statusCode()).as(internal).isIn(401, 403, 404);
            }
            assertThat(get(settings, "/readyz").statusCode()).isEqualTo(200);
            for (int management : List.of(settings.management().gateway(), settings.management().article(),
                    settings.management().rating(), settings.management().media(), settings.management().portal())) {
                HttpResponse<String> scrape = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + management + "/actuator/prometheus")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(scrape.statusCode()).as("management port " + management).isEqualTo(200);
                assertThat(scrape.body()).contains("jvm_memory_used_bytes");
            }
        } finally {
            run.stop();
        }

        LocalRun again = LocalRun.start(settings);
        try {
            JsonNode rating = JSON.readTree(get(settings, "/api/articles/" + slug + "/rating").body());
            assertThat(rating.get("points").asLong()).isEqualTo(4);
            assertThat(rating.get("count").asLong()).isEqualTo(1);
            assertThat(JSON.readTree(get(settings, "/api/articles/" + slug).body()).get("title").asString())
                    .isEqualTo(fixture.get("title").asString());
        } finally {
            again.stop();
        }
    }

    /** The publish flow: an editor writes a draft and publishes it; readers get it through the same consumer. */
    private static void publishesThroughTheEditorialApi(LocalRun.Settings settings, DevIssuer issuer) throws Exception {
        String draft = "{\"title\":\"Đắk Lắk đón nhận Bằng công nhận di tích quốc gia\",\"lead\":\"Tin ngắn.\","
                + "\"bodyHtml\":\"<p>Nội dung <script>alert(1)</script>bài viết.</p>\",\"category\":\"Văn hóa\"}";
        assertThat(send(settings, "/api/editorial/drafts", "POST", draft, Map.of()).statusCode()).isEqualTo(401);
        Map<String, String> editor = Map.of("Authorization", "Bearer " + issuer.editorToken("bien.tap.vien"));

        HttpResponse<byte[]> created = send(settings, "/api/editorial/drafts", "POST", draft, editor);
        assertThat(created.statusCode()).isEqualTo(201);
        String id = JSON.readTree(created.body()).get("id").asString();
        HttpResponse<byte[]> published = send(settings, "/api/editorial/drafts/" + id + "/publish", "POST", "", editor);
        assertThat(published.statusCode()).isEqualTo(202);
        String url = JSON.readTree(published.body()).get("url").asString();

        HttpResponse<byte[]> readable = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                        HttpResponse.BodyHandlers.ofByteArray()), r -> r.statusCode() == 200);
        assertThat(url).startsWith("http://localhost:" + settings.gatewayPort() + "/api/articles/");
        JsonNode article = JSON.readTree(readable.body());
        assertThat(article.get("slug").asString()).isEqualTo("dak-lak-don-nhan-bang-cong-nhan-di-tich-quoc-gia");
        assertThat(article.get("bodyHtml").asString()).doesNotContain("script").contains("Nội dung");
    }

    private static JsonNode seedFixture() throws Exception {
        try (InputStream in = LocalRun.class.getResourceAsStream("/seed/seed-article.json")) {
            return JSON.readTree(in);
        }
    }

    private static HttpResponse<byte[]> get(LocalRun.Settings settings, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(settings.gatewayUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<byte[]> post(LocalRun.Settings settings, String path, String json) throws Exception {
        return send(settings, path, "POST", json, Map.of());
    }

    private static HttpResponse<byte[]> send(LocalRun.Settings settings, String path, String method, String json,
                                             Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.gatewayUrl() + path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static ConsumerRecord<String, byte[]> firstRecord(String bootstrap, String topic) {
        try (var consumer = new KafkaConsumer<String, byte[]>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-reader",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return !records.isEmpty();
            });
            return records.get(0);
        }
    }
}
