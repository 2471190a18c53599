package vn.portal.article;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.portal.contracts.ArticleImage;
import vn.portal.contracts.ArticlePublished;
import vn.portal.contracts.ArticleRatingSummary;
import vn.portal.contracts.ArticleUnpublished;
import vn.portal.devstack.Articles;
import vn.portal.devstack.DevIssuer;
import vn.portal.devstack.EventRecords;

/**
 * What the flow contracts share: the running service on a random port, the broker and MongoDB it
 * uses, and small helpers to produce events as an editorial system does and to call the HTTP API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "articles.scheduler.poll-interval=300ms",
        "articles.public-base-url="})
abstract class FlowTestSupport {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ConsumerFactory<String, byte[]> consumers;

    @Autowired
    MeterRegistry meters;

    @LocalServerPort
    int port;

    /** The actuator's own port (never routed by the gateway nor published). */
    @LocalManagementPort
    int managementPort;

    static String editorToken() {
        return DevIssuer.forTests().editorToken("bien-tap-vien");
    }

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A fresh article with its own title, body, category and tags, revision 1. */
    static ArticlePublished article(String title, String bodyHtml, String category, List<String> tags,
                                    Instant publishedAt) {
        ArticlePublished seed = Articles.seedArticle();
        return new ArticlePublished(UUID.randomUUID().toString(), 1, null, title, null, bodyHtml,
                List.<ArticleImage>of(), seed.author(), category, tags, "vi", publishedAt, publishedAt, null);
    }

    void publish(Record event) throws Exception {
        String key;
        if (event instanceof ArticlePublished p) {
            key = p.articleId();
        } else if (event instanceof ArticleUnpublished u) {
            key = u.articleId();
        } else if (event instanceof ArticleRatingSummary s) {
            key = s.articleId();
        } else {
            throw new IllegalArgumentException(event.toString());
        }
        kafka.send(EventRecords.of(event, key)).get();
    }

    Document stored(String articleId) {
        return mongo.getCollection("articles").find(new Document("_id", articleId)).first();
    }

    void awaitRevision(String articleId, long revision) {
        await().atMost(WAIT).until(() -> {
            Document stored = stored(articleId);
            return stored != null && stored.getLong("revision") >= revision;
        });
    }

    double counted(String outcome) {
        return meters.counter("articles.ingested", "outcome", outcome).count();
    }

    /** Every record of {@code topic} with {@code key}, from the beginning to the current end. */
    List<ConsumerRecord<String, byte[]>> records(String topic, String key) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (Consumer<String, byte[]> consumer = consumers.createConsumer("test-" + UUID.randomUUID(), null)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }

    /** Waits until {@code topic} holds at least {@code count} records with {@code key}. */
    List<ConsumerRecord<String, byte[]>> awaitRecords(String topic, String key, int count) {
        return await().atMost(WAIT).until(() -> records(topic, key), found -> found.size() >= count);
    }

    HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(port, path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<byte[]> call(String method, String path, String token, Object body) throws Exception {
        return call(port, method, path, token, body);
    }

    static HttpResponse<byte[]> call(int port, String method, String path, String token, Object body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(port, path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static JsonNode json(HttpResponse<byte[]> response) {
        return JSON.readTree(response.body());
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
