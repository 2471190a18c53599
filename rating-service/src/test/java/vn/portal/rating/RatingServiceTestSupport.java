package vn.portal.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.portal.contracts.ArticlePublished;
import vn.portal.contracts.ArticleRated;
import vn.portal.contracts.ArticleUnpublished;
import vn.portal.contracts.Topics;
import vn.portal.devstack.Articles;
import vn.portal.devstack.EventRecords;
import vn.portal.devstack.WithDevIssuer;
import vn.portal.identity.PlatformHeaders;
import vn.portal.identity.VoterIds;
import vn.portal.platform.events.CloudEventHeaders;

/** A rating-service on a random port with its real broker and MongoDB, and how tests talk to it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithDevIssuer
abstract class RatingServiceTestSupport {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP_CLIENT = HttpClient.newHttpClient();

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ConsumerFactory<String, byte[]> consumers;

    @Autowired
    VoterIds voterIds;

    @LocalServerPort
    int port;

    ArticlePublished publishedArticle(String title) throws Exception {
        ArticlePublished article = Articles.article(title);
        kafka.send(EventRecords.of(article, article.articleId())).get();
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.getCollection("known_articles")
                .countDocuments(new Document("_id", article.articleId())) == 1);
        return article;
    }

    JsonNode awaitRating(String articleId, long count) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> rating(articleId), r -> r.get("count").asLong() == count);
    }

    JsonNode rating(String articleId) throws Exception {
        HttpResponse<String> response = HTTP_CLIENT.send(request("/api/articles/" + articleId + "/rating").build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return JSON.readTree(response.body());
    }

    /** A vote as the gateway forwards it: with a signed voter id (a fresh voter when null). */
    HttpResponse<String> vote(String articleId, String body, String voter) throws Exception {
        String voterId = voter != null ? voter : voterIds.newAnonymousId();
        return send(request("/api/articles/" + articleId + "/ratings")
                .header(PlatformHeaders.VOTER_ID, voterId)
                .header(PlatformHeaders.VOTER_SIGNATURE, voterIds.sign(voterId)), body);
    }

    HttpResponse<String> send(HttpRequest.Builder request, String body) throws Exception {
        return HTTP_CLIENT.send(request.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    ConsumerRecord<String, byte[]> firstRecord(String topic, String key) {
        try (Consumer<String, byte[]> consumer = consumers.createConsumer("test-" + UUID.randomUUID(), null)) {
            consumer.subscribe(List.of(topic));
            return await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        return record;
                    }
                }
                return null;
            }, Objects::nonNull);
        }
    }
}
