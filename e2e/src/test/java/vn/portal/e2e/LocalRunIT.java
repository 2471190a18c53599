package vn.portal.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
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

            assertThat(post(settings, "/api/articles/" + slug + "/ratings", "{\"stars\":4}").statusCode()).isEqualTo(202);
            JsonNode rating = await().atMost(Duration.ofSeconds(30))
                    .until(() -> JSON.readTree(get(settings, "/api/articles/" + slug + "/rating").body()),
                            r -> r.get("count").asLong() == 1);
            assertThat(rating.get("points").asLong()).isEqualTo(4);
            assertThat(rating.get("label").asString()).isEqualTo("Tổng số điểm của bài viết là: 4 trong 1 đánh giá");

            ConsumerRecord<String, byte[]> rated = firstRecord(run.kafkaBootstrapServers(), "ArticleRated");
            assertThat(CloudEventHeaders.read(rated.headers(), CloudEventHeaders.TYPE)).hasValue("vn.portal.article.rated.v1");
            assertThat(JSON.readTree(rated.value()).get("stars").asInt()).isEqualTo(4);

            for (String bad : List.of("{\"stars\":0}", "{\"stars\":6}", "{\"stars\":")) {
                HttpResponse<byte[]> refused = post(settings, "/api/articles/" + slug + "/ratings", bad);
                assertThat(refused.statusCode()).as(bad).isEqualTo(400);
                assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            }
            assertThat(post(settings, "/api/articles/khong-co-bai-nay/ratings", "{\"stars\":4}").statusCode()).isEqualTo(404);
            assertThat(get(settings, "/api/articles/khong-co-bai-nay").statusCode()).isEqualTo(404);
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
        return HTTP.send(HttpRequest.newBuilder(URI.create(settings.gatewayUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofByteArray());
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
