package vn.portal.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.mongodb.client.MongoClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import vn.portal.contracts.Topics;
import vn.portal.devstack.DevIssuer;
import vn.portal.devstack.WithDevIssuer;
import vn.portal.platform.events.CloudEventHeaders;

/**
 * Flow 2 of DESIGN.md end to end: an editor writes a draft and publishes it (now, at a time, as a
 * correction) through the editorial API; the API only produces events, and the article reaches
 * readers through the same consumer as an editorial system's events. Run against the embedded pair
 * and, where Docker exists, against real containers.
 */
@WithDevIssuer
abstract class EditorialFlowContract extends FlowTestSupport {

    private static final String BODY = "<p>Sáng 31/1, Khối thi đua tổng kết năm 2023.</p>"
            + "<figure><img src=\"/api/media/abc/w1024\" alt=\"Toàn cảnh\"><figcaption>Toàn cảnh.</figcaption></figure>";

    @Autowired
    MongoConnectionDetails mongoConnection;

    @Autowired
    KafkaConnectionDetails kafkaConnection;

    @Autowired
    MongoClient mongoClient;

    static Stream<Arguments> refusedCallers() {
        DevIssuer issuer = DevIssuer.forTests();
        return Stream.of(
                arguments("no token", null, 401),
                arguments("an expired token", issuer.expiredEditorToken("bien-tap-vien"), 401),
                arguments("a wrongly signed token", DevIssuer.editorTokenWithAWrongSignature(), 401),
                arguments("a token of another issuer", issuer.editorTokenFromIssuer("urn:someone-else"), 401),
                arguments("a token for another audience", issuer.editorTokenForAudience("another-app"), 401),
                arguments("a token without expiry", issuer.editorTokenWithoutExpiry("bien-tap-vien"), 401),
                arguments("a token good for ten years", issuer.editorTokenForTenYears("bien-tap-vien"), 401),
                arguments("a look-alike editor role (dotless i)", issuer.lookalikeEditorToken("bien-tap-vien"), 403),
                arguments("a reader", issuer.readerToken("doc-gia"), 403));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedCallers")
    void editorEndpointsRefuse(String caller, String token, int status) throws Exception {
        String id = createDraft(editorToken(), "Bài chưa đăng " + unique()).get("id").asString();
        List<HttpResponse<byte[]>> responses = List.of(
                call("POST", "/api/editorial/drafts", token, draft("Bài mới", BODY)),
                call("GET", "/api/editorial/drafts", token, null),
                call("GET", "/api/editorial/drafts/" + id, token, null),
                call("PUT", "/api/editorial/drafts/" + id, token, draft("Sửa", BODY)),
                call("POST", "/api/editorial/drafts/" + id + "/publish", token, null),
                call("PUT", "/api/editorial/drafts/" + id + "/schedule",
                        token, Map.of("publishAt", OffsetDateTime.now().plusHours(1).toString())),
                call("DELETE", "/api/editorial/drafts/" + id, token, null),
                call("GET", "/api/editorial/articles/" + id + "/revisions", token, null),
                call("POST", "/api/admin/rebuild", token, null),
                call("HEAD", "/api/editorial/drafts", token, null),
                call("HEAD", "/api/editorial/drafts/" + id, token, null),
                call("HEAD", "/api/editorial/articles/" + id + "/revisions", token, null),
                call("OPTIONS", "/api/editorial/drafts/" + id, token, null),
                call("PATCH", "/api/editorial/drafts/" + id, token, null),
                call("HEAD", "/api/admin/rebuild", token, null),
                call("OPTIONS", "/api/admin/rebuild", token, null),
                call("DELETE", "/api/articles/" + id, token, null),
                call("POST", "/api/articles/search?q=tin", token, null));

        for (HttpResponse<byte[]> response : responses) {
            assertThat(response.statusCode()).as(response.request().method() + " " + response.request().uri())
                    .isEqualTo(status);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }
        assertThat(json(call("GET", "/api/editorial/drafts/" + id, editorToken(), null)).get("status").asString())
                .isEqualTo("draft");
    }

    @Test
    void editorEndpointsAcceptAnEditor() throws Exception {
        HttpResponse<byte[]> created = call("POST", "/api/editorial/drafts", editorToken(), draft("Bài nháp " + unique(), BODY));
        assertThat(created.statusCode()).isEqualTo(201);
        String id = json(created).get("id").asString();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/editorial/drafts/" + id);
        assertThat(json(created).get("createdBy").asString()).isEqualTo("bien-tap-vien");

        assertThat(call("GET", "/api/editorial/drafts/" + id, editorToken(), null).statusCode()).isEqualTo(200);
        JsonNode list = json(call("GET", "/api/editorial/drafts?size=100", editorToken(), null));
        assertThat(list.get("items").valueStream().map(item -> item.get("id").asString())).contains(id);
    }

    @Test
    void refusesAnInvalidDraft() throws Exception {
        HttpResponse<byte[]> response = call("POST", "/api/editorial/drafts", editorToken(), draft(" ", ""));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("type").asString()).endsWith("/invalid-draft");
        assertThat(json(response).get("detail").asString()).contains("title is required", "bodyHtml is required");
    }

    static Stream<Arguments> draftsThatCouldNeverBePublished() {
        Map<String, Object> image = Map.of("url", "/api/media/abc/w1024", "caption", "Toàn cảnh.");
        return Stream.of(
                arguments("author", with("author", "A".repeat(201)), "author is longer than 200"),
                arguments("category", with("category", "C".repeat(201)), "category is longer than 200"),
                arguments("tag", with("tags", List.of("t".repeat(101))), "a tag is longer than 100"),
                arguments("markup in a tag", with("tags", List.of("thi đua", "<svg onload=alert(1)>")),
                        "tags[1] contains HTML markup"),
                arguments("markup in the title", with("title", "Tin <b>nóng</b>"), "title contains HTML markup"),
                arguments("markup in the lead", with("lead", "<img src=x onerror=alert(1)"), "lead contains HTML markup"),
                arguments("a script image URL", with("images", List.of(Map.of("url", "javascript:alert(1)"))),
                        "images[0].url must be http(s)"),
                arguments("a protocol-relative image URL", with("images", List.of(Map.of("url", "//evil.example/x.png"))),
                        "images[0].url must be http(s)"),
                arguments("an overlong caption", with("images", List.of(Map.of("url", "/x.png", "caption", "c".repeat(2001)))),
                        "images[0].caption is longer than 2000"),
                arguments("markup in a caption", with("images", List.of(image, Map.of("url", "/x.png", "caption", "<i>x</i>"))),
                        "images[1].caption contains HTML markup"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("draftsThatCouldNeverBePublished")
    void refusesToSaveADraftThatCouldNeverBePublished(String what, Map<String, Object> draft, String reason)
            throws Exception {
        HttpResponse<byte[]> response = call("POST", "/api/editorial/drafts", editorToken(), draft);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("type").asString()).endsWith("/invalid-draft");
        assertThat(json(response).get("detail").asString()).contains(reason);
    }

    @Test
    void refusesAHostileTwoMegabyteDraftInUnderASecond() throws Exception {
        Map<String, Object> hostile = new HashMap<>(draft("<" + " ".repeat(2 * 1024 * 1024) + "x", BODY));
        hostile.put("lead", "<" + " ".repeat(1999));
        call("POST", "/api/editorial/drafts", editorToken(), draft("Bài khởi động " + unique(), BODY)); // warm up
        long before = mongo.getCollection("drafts").countDocuments();

        long started = System.nanoTime();
        HttpResponse<byte[]> response = call("POST", "/api/editorial/drafts", editorToken(), hostile);
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("hostile 2 MB draft answered %d in %d ms%n", response.statusCode(), millis);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("type").asString()).endsWith("/invalid-draft");
        assertThat(json(response).get("detail").asString()).contains("title is longer than 300");
        assertThat(millis).isLessThan(1000);
        assertThat(mongo.getCollection("drafts").countDocuments()).isEqualTo(before);
    }

    @Test
    void refusesToPublishWhatTheIngestWouldDeadLetterAndLeavesTheDraftUnchanged() throws Exception {
        String id = createDraft(editorToken(), "Chỉ có khung nhúng " + unique(),
                "<iframe src=\"https://evil.example\"></iframe><script>alert(1)</script>").get("id").asString();

        HttpResponse<byte[]> refused = call("POST", "/api/editorial/drafts/" + id + "/publish", editorToken(), null);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json(refused);
        assertThat(problem.get("type").asString()).isEqualTo("https://portal.vn/problems/article-rejected");
        assertThat(problem.get("reasons").valueStream().map(JsonNode::asString))
                .containsExactly("body is empty after sanitizing");
        assertUnpublished(id);
    }

    @Test
    void refusesToPublishAnOlderDraftTheIngestWouldDeadLetterAndLeavesItUnchanged() throws Exception {
        String id = "draft-" + unique();
        Document legacy = draftDocument(id, "Tin <b>nóng</b> " + unique(), BODY);
        legacy.put("author", "A".repeat(201)); // saved before drafts were checked like this
        mongo.getCollection("drafts").insertOne(legacy);

        HttpResponse<byte[]> refused = call("POST", "/api/editorial/drafts/" + id + "/publish", editorToken(), null);

        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode problem = json(refused);
        assertThat(problem.get("type").asString()).endsWith("/article-rejected");
        assertThat(problem.get("reasons").valueStream().map(JsonNode::asString))
                .containsExactly("title contains HTML markup", "author is longer than 200 characters");
        assertThat(problem.get("detail").asString()).contains("title contains HTML markup");
        assertUnpublished(id);
    }

    @Test
    void refusesACorrectionTheIngestWouldDeadLetterWithoutUsingUpItsRevision() throws Exception {
        String title = "Thông báo tuyển dụng " + unique();
        String id = createDraft(editorToken(), title).get("id").asString();
        call("POST", "/api/editorial/drafts/" + id + "/publish", editorToken(), null);
        awaitRevision(id, 1);
        call("PUT", "/api/editorial/drafts/" + id, editorToken(), draft(title, "<iframe src=\"https://x.example\"></iframe>"));

        HttpResponse<byte[]> refused = call("POST", "/api/editorial/drafts/" + id + "/corrections", editorToken(),
                Map.of("note", "sửa nội dung"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).get("type").asString()).endsWith("/article-rejected");
        Document stored = mongo.getCollection("drafts").find(new Document("_id", id)).first();
        assertThat(stored.getLong("lastRevision")).isEqualTo(1L);
        assertThat(stored.getLong("lastEventRevision")).isEqualTo(1L);
        assertThat(records(Topics.ARTICLE_PUBLISHED, id)).hasSize(1);

        call("PUT", "/api/editorial/drafts/" + id, editorToken(), draft(title, BODY));
        HttpResponse<byte[]> corrected = call("POST", "/api/editorial/drafts/" + id + "/corrections", editorToken(),
                Map.of("note", "sửa nội dung"));
        assertThat(corrected.statusCode()).isEqualTo(202);
        assertThat(json(corrected).get("revision").asLong()).isEqualTo(2);
    }

    @Test
    void refusesAnUnpublicationTheIngestWouldDeadLetter() throws Exception {
        String id = createDraft(editorToken(), "Bài gỡ với lý do dài " + unique()).get("id").asString();
        call("POST", "/api/editorial/drafts/" + id + "/publish", editorToken(), null);
        awaitRevision(id, 1);

        HttpResponse<byte[]> refused = call("POST", "/api/editorial/drafts/" + id + "/unpublish", editorToken(),
                Map.of("reason", "x".repeat(2001)));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).get("type").asString()).endsWith("/article-rejected");
        assertThat(json(call("GET", "/api/editorial/drafts/" + id, editorToken(), null)).get("status").asString())
                .isEqualTo("published");
        HttpResponse<byte[]> withdrawn = call("POST", "/api/editorial/drafts/" + id + "/unpublish", editorToken(),
                Map.of("reason", "Trùng bài"));
        assertThat(json(withdrawn).get("revision").asLong()).isEqualTo(2);
    }

    @Test
    void refusesToScheduleADraftTheIngestWouldDeadLetter() throws Exception {
        String id = createDraft(editorToken(), "Hẹn giờ bài rỗng " + unique(), "<iframe></iframe>").get("id").asString();

        HttpResponse<byte[]> refused = call("PUT", "/api/editorial/drafts/" + id + "/schedule", editorToken(),
                Map.of("publishAt", OffsetDateTime.now().plusHours(1).toString()));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).get("type").asString()).endsWith("/article-rejected");
        assertThat(json(call("GET", "/api/editorial/drafts/" + id, editorToken(), null)).get("status").asString())
                .isEqualTo("draft");
    }

    @Test
    void dropsTheScheduleOfADraftEditedIntoSomethingTheIngestWouldDeadLetter() throws Exception {
        String title = "Hẹn giờ rồi sửa hỏng " + unique();
        String id = createDraft(editorToken(), title).get("id").asString();
        assertThat(call("PUT", "/api/editorial/drafts/" + id + "/schedule", editorToken(),
                Map.of("publishAt", OffsetDateTime.now().plusHours(1).toString())).statusCode()).isEqualTo(200);
        call("PUT", "/api/editorial/drafts/" + id, editorToken(), draft(title, "<iframe></iframe>"));
        double refusedBefore = meters.counter("articles.schedule.refused").count();

        mongo.getCollection("drafts").updateOne(new Document("_id", id), new Document("$set",
                new Document("scheduledAt", Date.from(Instant.now().minusSeconds(1))))); // due now

        await().atMost(WAIT).until(() -> json(call("GET", "/api/editorial/drafts/" + id, editorToken(), null))
                .get("status").asString().equals("draft"));
        assertThat(meters.counter("articles.schedule.refused").count()).isGreaterThan(refusedBefore);
        assertUnpublished(id);
    }

    @Test
    void publishesExactlyTheCloudEventsHeadersAsPlainStringsAndNoBinderHeaders() throws Exception {
        String id = createDraft(editorToken(), "Bản tin có đúng bảy tiêu đề " + unique()).get("id").asString();
        String requestId = "req-" + unique();

        HttpResponse<byte[]> published = HTTP.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + "/api/editorial/drafts/" + id + "/publish"))
                .header("Authorization", "Bearer " + editorToken()).header("X-Request-Id", requestId)
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(published.statusCode()).isEqualTo(202);
        // read with a plain Kafka consumer: what kcat would show
        ConsumerRecord<String, byte[]> record = awaitRecords(Topics.ARTICLE_PUBLISHED, id, 1).get(0);
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        record.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
        assertThat(headers.keySet()).containsExactlyInAnyOrder(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.ID,
                CloudEventHeaders.SOURCE, CloudEventHeaders.TYPE, CloudEventHeaders.TIME, CloudEventHeaders.SUBJECT,
                CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.REQUEST_ID);
        assertThat(record.headers().toArray()).hasSize(8); // each once
        assertThat(headers.get(CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(headers.get(CloudEventHeaders.TYPE)).isEqualTo("vn.portal.article.published.v1");
        assertThat(headers.get(CloudEventHeaders.SOURCE)).isEqualTo("/vn-portal/article-service");
        assertThat(headers.get(CloudEventHeaders.SUBJECT)).isEqualTo(id);
        assertThat(headers.get(CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
        assertThat(headers.get(CloudEventHeaders.REQUEST_ID)).isEqualTo(requestId);
        assertThat(Instant.parse(headers.get(CloudEventHeaders.TIME))).isBefore(Instant.now().plusSeconds(1));
        assertThat(record.key()).isEqualTo(id);
    }

    @Test
    void publishesADraftThroughKafkaAndSaysWhereReadersWillFindIt() throws Exception {
        String word = unique();
        String id = createDraft(editorToken(), "Kon Tum khai mạc hội báo xuân " + word).get("id").asString();
        HttpResponse<byte[]> updated = call("PUT", "/api/editorial/drafts/" + id, editorToken(),
                draft("Kon Tum khai mạc Hội báo Xuân " + word, BODY + "<script>alert(1)</script>"));
        assertThat(updated.statusCode()).isEqualTo(200);

        HttpResponse<byte[]> published = call("POST", "/api/editorial/drafts/" + id + "/publish", editorToken(), null);

        assertThat(published.statusCode()).isEqualTo(202);
        JsonNode answer = json(published);
        String slug = "kon-tum-khai-mac-hoi-bao-xuan-" + word;
        assertThat(answer.get("slug").asString()).isEqualTo(slug);
        assertThat(answer.get("url").asString()).isEqualTo("/api/articles/" + slug);
        assertThat(answer.get("revision").asLong()).isEqualTo(1);
        assertThat(published.headers().firstValue("Location")).hasValue("/api/articles/" + slug);
        ConsumerRecord<String, byte[]> record = awaitRecords(Topics.ARTICLE_PUBLISHED, id, 1).get(0);
        assertThat(CloudEventHeaders.read(record.headers(), CloudEventHeaders.TYPE))
                .hasValue("vn.portal.article.published.v1");
        assertThat(JSON.readTree(record.value()).get("revision").asLong()).isEqualTo(1);
        JsonNode article = json(await().atMost(WAIT).until(() -> get("/api/articles/" + slug), r -> r.statusCode() == 200));
        assertThat(article.get("id").asString()).isEqualTo(id);
        assertThat(article.get("bodyHtml").asString()).isEqualTo(BODY);
        assertThat(json(call("GET", "/api/editorial/drafts/" + id, editorToken(), null)).get("status").asString())
                .isEqualTo("published");
    }

    @Test
    void showsACorrectionToReadersAndKeepsTheRevisionHistoryForEditors() throws Exception {
        String word = unique();
        String id = createDraft(editorToken(), "Hội nghị tổng kết công tác thi đua " + word).get("id").asString();
        String slug = json(call("POST", "/api/editorial/drafts/" + id + "/publish", editorToken(), null))
                .get("slug").asString();
        awaitRevision(id, 1);
        call("PUT", "/api/editorial/drafts/" + id, editorToken(),
                draft("Hội nghị tổng kết công tác thi đua, khen thưởng " + word, BODY));

        HttpResponse<byte[]> corrected = call("POST", "/api/editorial/drafts/" + id + "/corrections", editorToken(),
                Map.of("note", "bổ sung cụm từ \"khen thưởng\" vào tiêu đề"));

        assertThat(corrected.statusCode()).isEqualTo(202);
        assertThat(json(corrected).get("revision").asLong()).isEqualTo(2);
        awaitRevision(id, 2);
        JsonNode article = json(get("/api/articles/" + slug));
        String note = "Đính chính: bổ sung cụm từ \"khen thưởng\" vào tiêu đề";
        assertThat(article.get("title").asString()).contains("khen thưởng");
        assertThat(article.get("slug").asString()).isEqualTo(slug);
        assertThat(article.get("revision").asLong()).isEqualTo(2);
        assertThat(article.get("correctionNote").asString()).isEqualTo(note);
        assertThat(article.get("corrections")).hasSize(1);
        assertThat(article.get("corrections").get(0).get("note").asString()).isEqualTo(note);
        assertThat(article.get("corrections").get(0).get("at").asString()).endsWith("+07:00");

        JsonNode history = json(call("GET", "/api/editorial/articles/" + id + "/revisions", editorToken(), null));
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("revision").asLong()).isEqualTo(1);
        assertThat(history.get(0).get("correctionNote").isNull()).isTrue();
        assertThat(history.get(1).get("revision").asLong()).isEqualTo(2);
        assertThat(history.get(1).get("correctionNote").asString()).isEqualTo(note);
        assertThat(history.get(1).get("title").asString()).contains("khen thưởng");
    }

    @Test
    void refusesToCorrectADraftThatWasNeverPublished() throws Exception {
        String id = createDraft(editorToken(), "Chưa đăng " + unique()).get("id").asString();

        HttpResponse<byte[]> response = call("POST", "/api/editorial/drafts/" + id + "/corrections", editorToken(),
                Map.of("note", "sửa"));

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(json(response).get("type").asString()).endsWith("/not-published");
    }

    @Test
    void unpublishesAndRepublishesWithIncreasingRevisions() throws Exception {
        String id = createDraft(editorToken(), "Bài đăng rồi gỡ " + unique()).get("id").asString();
        String slug = json(call("POST", "/api/editorial/drafts/" + id + "/publish", editorToken(), null))
                .get("slug").asString();
        awaitRevision(id, 1);

        HttpResponse<byte[]> withdrawn = call("POST", "/api/editorial/drafts/" + id + "/unpublish", editorToken(),
                Map.of("reason", "Thông tin chưa kiểm chứng"));

        assertThat(withdrawn.statusCode()).isEqualTo(202);
        assertThat(json(withdrawn).get("revision").asLong()).isEqualTo(2);
        await().atMost(WAIT).until(() -> get("/api/articles/" + slug).statusCode() == 410);
        assertThat(json(call("GET", "/api/editorial/drafts/" + id, editorToken(), null)).get("status").asString())
                .isEqualTo("withdrawn");
        assertThat(call("POST", "/api/editorial/drafts/" + id + "/unpublish", editorToken(), null).statusCode())
                .isEqualTo(409);

        HttpResponse<byte[]> republished = call("POST", "/api/editorial/drafts/" + id + "/publish", editorToken(), null);

        assertThat(json(republished).get("revision").asLong()).isEqualTo(3);
        JsonNode back = json(await().atMost(WAIT).until(() -> get("/api/articles/" + slug), r -> r.statusCode() == 200));
        assertThat(back.get("revision").asLong()).isEqualTo(3);
        JsonNode history = json(call("GET", "/api/editorial/articles/" + id + "/revisions", editorToken(), null));
        assertThat(history.valueStream().map(r -> r.get("kind").asString()))
                .containsExactly("published", "unpublished", "published");
        assertThat(history.get(1).get("reason").asString()).isEqualTo("Thông tin chưa kiểm chứng");
    }

    @Test
    void deletesOnlyDraftsThatWereNeverPublished() throws Exception {
        String unpublished = createDraft(editorToken(), "Nháp bỏ đi " + unique()).get("id").asString();
        String published = createDraft(editorToken(), "Đã đăng " + unique()).get("id").asString();
        call("POST", "/api/editorial/drafts/" + published + "/publish", editorToken(), null);

        assertThat(call("DELETE", "/api/editorial/drafts/" + unpublished, editorToken(), null).statusCode()).isEqualTo(204);
        assertThat(call("GET", "/api/editorial/drafts/" + unpublished, editorToken(), null).statusCode()).isEqualTo(404);
        assertThat(call("DELETE", "/api/editorial/drafts/" + published, editorToken(), null).statusCode()).isEqualTo(409);
    }

    @Test
    void publishesAScheduledDraftWhenItIsDueAndOnlyOnce() throws Exception {
        String id = createDraft(editorToken(), "Bài hẹn giờ " + unique()).get("id").asString();
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.ofHours(7)).plusSeconds(1);

        HttpResponse<byte[]> scheduled = call("PUT", "/api/editorial/drafts/" + id + "/schedule", editorToken(),
                Map.of("publishAt", at.toString()));

        assertThat(scheduled.statusCode()).as(new String(scheduled.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(json(scheduled).get("status").asString()).isEqualTo("scheduled");
        awaitRevision(id, 1);
        assertThat(stored(id).getDate("publishedAt").toInstant()).isAfterOrEqualTo(at.toInstant().minusMillis(1));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10))
                .until(() -> records(Topics.ARTICLE_PUBLISHED, id).size() == 1);
        assertThat(json(call("GET", "/api/editorial/drafts/" + id, editorToken(), null)).get("status").asString())
                .isEqualTo("published");
    }

    @Test
    void cancelsASchedule() throws Exception {
        String id = createDraft(editorToken(), "Bài hủy hẹn giờ " + unique()).get("id").asString();
        call("PUT", "/api/editorial/drafts/" + id + "/schedule", editorToken(),
                Map.of("publishAt", OffsetDateTime.now().plusHours(1).toString()));

        HttpResponse<byte[]> cancelled = call("DELETE", "/api/editorial/drafts/" + id + "/schedule", editorToken(), null);

        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(json(cancelled).get("status").asString()).isEqualTo("draft");
        assertThat(json(cancelled).get("scheduledAt").isNull()).isTrue();
        assertThat(call("DELETE", "/api/editorial/drafts/" + id + "/schedule", editorToken(), null).statusCode())
                .isEqualTo(409);
        assertThat(call("PUT", "/api/editorial/drafts/" + id + "/schedule", editorToken(),
                Map.of("publishAt", OffsetDateTime.now().minusHours(1).toString())).statusCode()).isEqualTo(400);
    }

    /**
     * A restart, honestly: a separate instance of the service (its own application context, its own
     * database and consumer group on the same MongoDB and broker, so the test's own instance cannot
     * interfere) takes the schedule and is shut down before the time comes. While nothing runs the
     * time passes. Then two fresh instances start against the same database; the publication fires
     * once, and this test's instance, which reads the same topic, serves it.
     */
    @Test
    void firesAScheduledPublicationOnceAfterARestartInBetween() throws Exception {
        String run = unique();
        String database = "articles-restart-" + run;
        String group = "article-service-restart-" + run;
        String id;
        Instant due;
        try (ConfigurableApplicationContext before = startInstance(database, group)) {
            int beforePort = localPort(before);
            id = json(call(beforePort, "POST", "/api/editorial/drafts", editorToken(),
                    draft("Thông báo lịch tiếp công dân " + run, BODY))).get("id").asString();
            due = Instant.now().plusSeconds(3);
            HttpResponse<byte[]> scheduled = call(beforePort, "PUT", "/api/editorial/drafts/" + id + "/schedule",
                    editorToken(), Map.of("publishAt", due.atOffset(ZoneOffset.ofHours(7)).toString()));
            assertThat(scheduled.statusCode()).isEqualTo(200);
        }
        var drafts = mongoClient.getDatabase(database).getCollection("drafts");
        await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(due.plusMillis(500)));
        Document waiting = drafts.find(new Document("_id", id)).first();
        assertThat(waiting.get("scheduledAt")).isNotNull();
        assertThat(waiting.get("pendingRevision")).isNull();
        assertThat(records(Topics.ARTICLE_PUBLISHED, id)).isEmpty();

        try (ConfigurableApplicationContext after = startInstance(database, group);
             ConfigurableApplicationContext another = startInstance(database, group)) {
            await().atMost(WAIT).until(() -> {
                Document draft = drafts.find(new Document("_id", id)).first();
                return draft.get("scheduledAt") == null && draft.getLong("lastEventRevision") == 1L;
            });
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(15))
                    .until(() -> records(Topics.ARTICLE_PUBLISHED, id).size() == 1);
            awaitRevision(id, 1); // readable through this test's own instance, which reads the same topic
        } finally {
            mongoClient.getDatabase(database).drop();
        }
    }

    private ConfigurableApplicationContext startInstance(String database, String group) {
        // command-line arguments: they win over application.yml and the test JVM's system properties
        return new SpringApplicationBuilder(ArticleServiceApplication.class).run(
                "--server.port=0",
                "--management.server.port=0",
                "--spring.main.banner-mode=off",
                "--spring.mongodb.uri=" + mongoConnection.getConnectionString().getConnectionString(),
                "--spring.mongodb.database=" + database,
                "--spring.kafka.bootstrap-servers=" + String.join(",", kafkaConnection.getBootstrapServers()),
                "--spring.cloud.stream.bindings.articleEvents-in-0.group=" + group,
                "--spring.cloud.stream.bindings.ratingSummaries-in-0.group=" + group,
                // not the other tests' history again
                "--spring.cloud.stream.kafka.default.consumer.start-offset=latest",
                "--articles.scheduler.poll-interval=300ms",
                "--articles.public-base-url=");
    }

    private static int localPort(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    private JsonNode createDraft(String token, String title) throws Exception {
        return createDraft(token, title, BODY);
    }

    private JsonNode createDraft(String token, String title, String body) throws Exception {
        HttpResponse<byte[]> response = call("POST", "/api/editorial/drafts", token, draft(title, body));
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(201);
        return json(response);
    }

    /** Nothing was published, reserved or claimed for it: no revision used up, no slug, no event. */
    private void assertUnpublished(String id) throws Exception {
        JsonNode draft = json(call("GET", "/api/editorial/drafts/" + id, editorToken(), null));
        assertThat(draft.get("status").asString()).isEqualTo("draft");
        assertThat(draft.get("revision").asLong()).isZero();
        assertThat(draft.get("slug").isNull()).isTrue();
        Document stored = mongo.getCollection("drafts").find(new Document("_id", id)).first();
        assertThat(stored.getLong("lastRevision")).isZero();
        assertThat(stored.get("pendingRevision")).isNull();
        assertThat(records(Topics.ARTICLE_PUBLISHED, id)).isEmpty();
    }

    /** A draft as the editorial API stores it, written directly (as one saved by an older version). */
    private static Document draftDocument(String id, String title, String body) {
        Date now = new Date();
        return new Document("_id", id).append("title", title).append("lead", "Tin từ Kon Tum.")
                .append("bodyHtml", body).append("images", List.of()).append("author", "Thái Hoàn")
                .append("category", "Tin tức - Sự kiện").append("tags", List.of("thi đua"))
                .append("lastRevision", 0L).append("lastEventRevision", 0L).append("withdrawn", false)
                .append("createdAt", now).append("updatedAt", now)
                .append("createdBy", "bien-tap-vien").append("updatedBy", "bien-tap-vien");
    }

    /** The test draft with one field changed. */
    private static Map<String, Object> with(String field, Object value) {
        Map<String, Object> draft = new HashMap<>(draft("Bài nháp " + unique(), BODY));
        draft.put(field, value);
        return draft;
    }

    private static Map<String, Object> draft(String title, String body) {
        return Map.of("title", title, "lead", "Tin từ Kon Tum.", "bodyHtml", body, "author", "Thái Hoàn",
                "category", "Tin tức - Sự kiện", "tags", List.of("thi đua"),
                "images", List.of(Map.of("url", "/api/media/abc/w1024", "caption", "Toàn cảnh.", "alt", "Toàn cảnh")));
    }
}
