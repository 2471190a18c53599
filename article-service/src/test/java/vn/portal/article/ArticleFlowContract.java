package vn.portal.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.portal.contracts.ArticlePublished;
import vn.portal.contracts.ArticleUnpublished;
import vn.portal.contracts.EventType;
import vn.portal.devstack.Articles;
import vn.portal.devstack.EventRecords;
import vn.portal.platform.events.CloudEventHeaders;
import vn.portal.platform.events.EventsConfiguration;

/**
 * Flow 1 of DESIGN.md end to end: an editorial system produces to the real broker, article-service
 * stores the read model in MongoDB and serves it. Run against the embedded pair and, where Docker
 * exists, against real containers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ArticleFlowContract {

    static final String SEED_SLUG = "khoi-mat-tran-va-cac-to-chuc-chinh-tri-xa-hoi-tinh-tong-ket-cong-tac-thi-dua";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ConsumerFactory<String, byte[]> consumers;

    @LocalServerPort
    int port;

    @Test
    void servesThePublishedSeedArticleByItsVietnameseSlugWithTheTextByteExact() throws Exception {
        ArticlePublished seed = Articles.seedArticle();

        publish(seed);

        HttpResponse<byte[]> response = await().atMost(Duration.ofSeconds(30))
                .until(() -> get("/api/articles/" + SEED_SLUG), r -> r.statusCode() == 200);
        JsonNode article = JSON.readTree(response.body());
        assertThat(article.get("title").asString()).isEqualTo(seed.title());
        assertThat(article.get("lead").asString()).isEqualTo(seed.lead());
        assertThat(article.get("bodyHtml").asString()).isEqualTo(seed.bodyHtml());
        assertThat(article.get("images").get(1).get("caption").asString()).isEqualTo("Toàn cảnh Hội nghị.");
        assertThat(article.get("publishedAt").asString()).isEqualTo("2024-01-31T10:00:00+07:00");
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains(seed.title());
        Document stored = mongo.getCollection("articles").find(new Document("_id", seed.articleId())).first();
        assertThat(stored.getString("slug")).isEqualTo(SEED_SLUG);
        assertThat(stored.getLong("revision")).isEqualTo(1L);
    }

    @Test
    void ignoresAnOlderRevisionThatArrivesLate() throws Exception {
        ArticlePublished first = Articles.article("Tin thử nghiệm " + UUID.randomUUID());
        ArticlePublished third = Articles.revision(first, 3, first.title() + " (đã sửa)", "Đính chính: tên hội nghị");
        ArticlePublished lateSecond = Articles.revision(first, 2, first.title() + " (bản cũ)", null);

        publish(first);
        publish(third);
        publish(lateSecond);
        publish(third); // and a duplicate
        String marker = publishMarkerAfter(first.articleId());

        awaitStored(marker);
        Document stored = mongo.getCollection("articles").find(new Document("_id", first.articleId())).first();
        assertThat(stored.getLong("revision")).isEqualTo(3L);
        assertThat(stored.getString("title")).isEqualTo(third.title());
        assertThat(stored.getString("correctionNote")).isEqualTo("Đính chính: tên hội nghị");
    }

    @Test
    void keepsTheSlugWhenACorrectionChangesTheTitle() throws Exception {
        ArticlePublished first = Articles.article("Đắk Lắk đón Tết " + UUID.randomUUID().toString().substring(0, 8));
        publish(first);
        publish(Articles.revision(first, 2, "Một tiêu đề hoàn toàn khác", "Đính chính: tiêu đề"));

        awaitRevision(first.articleId(), 2);
        String slug = JSON.readTree(get("/api/articles/" + first.articleId()).body()).get("slug").asString();
        assertThat(slug).startsWith("dak-lak-don-tet-");
    }

    @Test
    void withdrawnArticleIsGoneForReaders() throws Exception {
        ArticlePublished article = Articles.article("Bài sẽ bị gỡ " + UUID.randomUUID());
        publish(article);
        awaitRevision(article.articleId(), 1);

        publish(new ArticleUnpublished(article.articleId(), 2, java.time.Instant.now(), "Gỡ bài"));

        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/articles/" + article.articleId()).statusCode() == 410);
        HttpResponse<byte[]> response = get("/api/articles/" + article.articleId());
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void sendsAMalformedEventToTheDeadLetterTopicWithTheReasonAndAppliesTheNextOne() throws Exception {
        String badKey = "bad-" + UUID.randomUUID();
        byte[] notJson = "{\"articleId\": \"x\", \"title\": ".getBytes(StandardCharsets.UTF_8);
        kafka.send(EventRecords.raw(EventType.ARTICLE_PUBLISHED, badKey, notJson)).get();
        ArticlePublished good = Articles.article("Bài hợp lệ sau bản tin hỏng " + UUID.randomUUID());
        kafka.send(EventRecords.of(good, badKey)).get(); // same key: same partition, after the bad one

        awaitRevision(good.articleId(), 1);
        ConsumerRecord<String, byte[]> dead = deadLetter(EventType.ARTICLE_PUBLISHED.topic() + ".DLT", badKey);
        assertThat(dead.value()).isEqualTo(notJson);
        assertThat(CloudEventHeaders.read(dead.headers(), EventsConfiguration.DEAD_LETTER_REASON))
                .hasValueSatisfying(reason -> assertThat(reason).contains("not JSON"));
    }

    @Test
    void sendsAnEventThatFailsItsSchemaToTheDeadLetterTopic() throws Exception {
        String key = "empty-title-" + UUID.randomUUID();
        ArticlePublished noTitle = new ArticlePublished(key, 1, null, "", null, "<p>x</p>", List.of(), null, null,
                List.of(), "vi", java.time.Instant.now(), java.time.Instant.now(), null);
        kafka.send(EventRecords.of(noTitle, key)).get();

        ConsumerRecord<String, byte[]> dead = deadLetter(EventType.ARTICLE_PUBLISHED.topic() + ".DLT", key);
        assertThat(CloudEventHeaders.read(dead.headers(), EventsConfiguration.DEAD_LETTER_REASON))
                .hasValueSatisfying(reason -> assertThat(reason).contains("fails schema").contains("title"));
        assertThat(mongo.getCollection("articles").countDocuments(new Document("_id", key))).isZero();
    }

    @Test
    void answersAnUnknownArticleWithANotFoundProblem() throws Exception {
        HttpResponse<byte[]> response = get("/api/articles/khong-co-bai-nay");

        assertThat(response.statusCode()).isEqualTo(404);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("type").asString()).endsWith("/article-not-found");
        assertThat(problem.get("status").asInt()).isEqualTo(404);
    }

    @Test
    void listsNewestFirstAndRefusesOversizedPages() throws Exception {
        java.time.Instant now = java.time.Instant.now();
        ArticlePublished older = Articles.article("Bài cũ hơn " + UUID.randomUUID(), now.minusSeconds(3600));
        ArticlePublished newer = Articles.article("Bài mới hơn " + UUID.randomUUID(), now);
        publish(older);
        publish(newer);
        awaitRevision(older.articleId(), 1);
        awaitRevision(newer.articleId(), 1);

        JsonNode page = JSON.readTree(get("/api/articles?size=50").body());
        List<String> ids = page.get("items").valueStream().map(item -> item.get("id").asString()).toList();
        assertThat(ids.indexOf(newer.articleId())).isLessThan(ids.indexOf(older.articleId()));
        assertThat(get("/api/articles?size=500").statusCode()).isEqualTo(400);
    }

    void publish(Record event) throws Exception {
        String key = event instanceof ArticlePublished p ? p.articleId() : ((ArticleUnpublished) event).articleId();
        kafka.send(EventRecords.of(event, key)).get();
    }

    /** A record on the same partition after the others: once it is applied, so are they. */
    private String publishMarkerAfter(String key) throws Exception {
        ArticlePublished marker = Articles.article("Dấu mốc " + UUID.randomUUID());
        kafka.send(EventRecords.of(marker, key)).get();
        return marker.articleId();
    }

    private void awaitStored(String articleId) {
        awaitRevision(articleId, 1);
    }

    void awaitRevision(String articleId, long revision) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Document stored = mongo.getCollection("articles").find(new Document("_id", articleId)).first();
            return stored != null && stored.getLong("revision") >= revision;
        });
    }

    private ConsumerRecord<String, byte[]> deadLetter(String topic, String key) {
        try (Consumer<String, byte[]> consumer = consumers.createConsumer("test-" + UUID.randomUUID(), null)) {
            consumer.subscribe(List.of(topic));
            return await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        return record;
                    }
                }
                return null;
            }, java.util.Objects::nonNull);
        }
    }

    HttpResponse<byte[]> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
