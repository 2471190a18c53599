package vn.portal.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.context.ApplicationContext;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
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

/**
 * A rating-service on a random port with its real broker and MongoDB, and how tests talk to it.
 * One context at a time ({@link DirtiesContext}): each runs a tally (Kafka Streams) in the same
 * group and over the same state directory, which two live instances in one JVM cannot share.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithDevIssuer
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class RatingServiceTestSupport {

    /**
     * Fresh for each context: no state of a broker from an earlier class, and no lock still held
     * by the previous class's tally while it closes (its Kafka Streams threads may outlive the
     * context's close by seconds, and a shared directory then fails the next start).
     */
    @DynamicPropertySource
    static void tallyStateDirectory(DynamicPropertyRegistry registry) {
        String directory = tallyState().toString();
        registry.add("spring.cloud.stream.kafka.streams.binder.configuration.state.dir", () -> directory);
    }

    @Autowired
    ApplicationContext context;

    /**
     * The tally's start-up to RUNNING takes seconds; tests that wait for totals start after it.
     * (The binder starts the factory itself, so the factory's own auto-startup flag says nothing:
     * the binding's does.)
     */
    @BeforeEach
    void awaitTheTallyRunning() {
        StreamsBuilderFactoryBean tally = tally();
        if (context.getEnvironment().getProperty("spring.cloud.stream.bindings.tally-in-0.consumer.auto-startup",
                Boolean.class, true)) {
            await().atMost(Duration.ofSeconds(90)).until(() -> tally.getKafkaStreams() != null
                    && tally.getKafkaStreams().state() == KafkaStreams.State.RUNNING);
        }
    }

    /** The binder's factory of the tally's Kafka Streams instance. */
    StreamsBuilderFactoryBean tally() {
        Map<String, StreamsBuilderFactoryBean> factories = context.getBeansOfType(StreamsBuilderFactoryBean.class);
        assertThat(factories).hasSize(1);
        return factories.values().iterator().next();
    }

    private static Path tallyState() {
        try {
            return Files.createTempDirectory("rating-tally-state-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

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
        return firstRecord(topic, key, record -> true);
    }

    ConsumerRecord<String, byte[]> firstRecord(String topic, String key,
                                               java.util.function.Predicate<ConsumerRecord<String, byte[]>> which) {
        try (Consumer<String, byte[]> consumer = consumers.createConsumer("test-" + UUID.randomUUID(), null)) {
            consumer.subscribe(List.of(topic));
            return await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key()) && which.test(record)) {
                        return record;
                    }
                }
                return null;
            }, Objects::nonNull);
        }
    }
}
