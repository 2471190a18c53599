package vn.portal.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import vn.portal.contracts.ArticleImage;
import vn.portal.contracts.ArticlePublished;
import vn.portal.contracts.ArticleRatingSummary;
import vn.portal.contracts.ArticleUnpublished;
import vn.portal.contracts.EventType;
import vn.portal.devstack.Articles;
import vn.portal.devstack.EventRecords;
import vn.portal.devstack.RawHttp;
import vn.portal.devstack.WithDevIssuer;
import vn.portal.platform.events.CloudEventHeaders;
import vn.portal.platform.events.EventsConfiguration;

/**
 * Flows 1 and 5 of DESIGN.md end to end: an editorial system produces to the real broker,
 * article-service validates and sanitizes, stores the read model in MongoDB and serves and searches
 * it; the read model can be rebuilt from the topics. Run against the embedded pair and, where Docker
 * exists, against real containers.
 */
@WithDevIssuer
abstract class ArticleFlowContract extends FlowTestSupport {

    static final String SEED_SLUG = "khoi-mat-tran-va-cac-to-chuc-chinh-tri-xa-hoi-tinh-tong-ket-cong-tac-thi-dua";
    static final String PUBLISHED_DLT = EventType.ARTICLE_PUBLISHED.topic() + ".DLT";

    @Test
    void servesThePublishedSeedArticleByItsVietnameseSlugWithTheTextByteExact() throws Exception {
        ArticlePublished seed = Articles.seedArticle();

        publish(seed);

        HttpResponse<byte[]> response = await().atMost(WAIT)
                .until(() -> get("/api/articles/" + SEED_SLUG), r -> r.statusCode() == 200);
        JsonNode article = json(response);
        assertThat(article.get("title").asString()).isEqualTo(seed.title());
        assertThat(article.get("lead").asString()).isEqualTo(seed.lead());
        assertThat(article.get("bodyHtml").asString()).isEqualTo(seed.bodyHtml());
        assertThat(article.get("images").get(1).get("caption").asString()).isEqualTo("Toàn cảnh Hội nghị.");
        assertThat(article.get("author").asString()).isEqualTo("Thái Hoàn");
        assertThat(article.get("publishedAt").asString()).isEqualTo("2024-01-31T10:00:00+07:00");
        assertThat(article.get("revision").asLong()).isEqualTo(1);
        assertThat(article.get("rating").get("label").asString())
                .isEqualTo("Tổng số điểm của bài viết là: 0 trong 0 đánh giá");
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains(seed.title());
        Document stored = stored(seed.articleId());
        assertThat(stored.getString("slug")).isEqualTo(SEED_SLUG);
        assertThat(stored.getLong("revision")).isEqualTo(1L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/articles/search?q=%ff%fe%fd", "/api/articles/search?q=%zz", "/api/articles/search?q=abc%",
            "/api/articles/search?q=%c3%28", "/api/articles?page=%ff", "/api/articles/search?%ff=1&q=tin",
            "/api/articles/%ff%fe", "/api/articles/%zz", "/api/articles/%c0%ae%c0%ae"})
    void answersMalformedPercentEncodingAndInvalidUtf8WithA400Problem(String target) {
        RawHttp.Answer answer = RawHttp.send(port, "GET", target);

        assertThat(answer.status()).as(target + "\n" + answer.head() + "\n" + answer.body()).isEqualTo(400);
        assertThat(answer.isProblem()).as(answer.head()).isTrue();
        assertThat(answer.body()).contains("https://portal.vn/problems/");
    }

    @Test
    void ignoresAnOlderRevisionThatArrivesLate() throws Exception {
        ArticlePublished first = Articles.article("Tin thử nghiệm " + UUID.randomUUID());
        ArticlePublished third = Articles.revision(first, 3, first.title() + " (đã sửa)", "Đính chính: tên hội nghị");
        ArticlePublished lateSecond = Articles.revision(first, 2, first.title() + " (bản cũ)", null);
        double stale = counted("stale");
        double duplicate = counted("duplicate");

        publish(first);
        publish(third);
        publish(lateSecond);
        publish(third); // and a duplicate
        String marker = publishMarkerAfter(first.articleId());

        awaitRevision(marker, 1);
        Document stored = stored(first.articleId());
        assertThat(stored.getLong("revision")).isEqualTo(3L);
        assertThat(stored.getString("title")).isEqualTo(third.title());
        assertThat(stored.getString("correctionNote")).isEqualTo("Đính chính: tên hội nghị");
        assertThat(counted("stale")).isGreaterThanOrEqualTo(stale + 1);
        assertThat(counted("duplicate")).isGreaterThanOrEqualTo(duplicate + 1);
    }

    @Test
    void keepsTheSlugWhenACorrectionChangesTheTitle() throws Exception {
        ArticlePublished first = Articles.article("Đắk Lắk đón Tết " + unique());
        publish(first);
        publish(Articles.revision(first, 2, "Một tiêu đề hoàn toàn khác", "Đính chính: tiêu đề"));

        awaitRevision(first.articleId(), 2);
        String slug = json(get("/api/articles/" + first.articleId())).get("slug").asString();
        assertThat(slug).startsWith("dak-lak-don-tet-");
    }

    @Test
    void givesVietnameseTitlesTheirSlugsAndASecondArticleWithTheSameTitleASuffix() throws Exception {
        String word = unique();
        ArticlePublished first = Articles.article("ĐỒNG CHÍ Y Ngông Niê Kđăm thăm Đắk Lắk " + word);
        ArticlePublished sameTitle = Articles.article(first.title());
        ArticlePublished asked = new ArticlePublished(UUID.randomUUID().toString(), 1, "bai-theo-yeu-cau-" + word,
                "Ưu tiên ươm mầm ở Quảng Ngãi", null, "<p>Nội dung</p>", List.of(), null, null, List.of(), "vi",
                Instant.now(), Instant.now(), null);

        publish(first);
        awaitRevision(first.articleId(), 1);
        publish(sameTitle);
        publish(asked);
        awaitRevision(sameTitle.articleId(), 1);
        awaitRevision(asked.articleId(), 1);

        String slug = "dong-chi-y-ngong-nie-kdam-tham-dak-lak-" + word;
        assertThat(json(get("/api/articles/" + slug)).get("id").asString()).isEqualTo(first.articleId());
        String suffixed = json(get("/api/articles/" + sameTitle.articleId())).get("slug").asString();
        assertThat(suffixed).matches(slug + "-[0-9a-z]{1,7}");
        assertThat(json(get("/api/articles/" + suffixed)).get("id").asString()).isEqualTo(sameTitle.articleId());
        assertThat(json(get("/api/articles/bai-theo-yeu-cau-" + word)).get("id").asString())
                .isEqualTo(asked.articleId());
    }

    @Test
    void withdrawnArticleIsGoneForReadersAndARepublishedRevisionBringsItBack() throws Exception {
        ArticlePublished article = Articles.article("Bài sẽ bị gỡ " + UUID.randomUUID());
        publish(article);
        awaitRevision(article.articleId(), 1);

        publish(new ArticleUnpublished(article.articleId(), 2, Instant.now(), "Gỡ bài"));

        await().atMost(WAIT).until(() -> get("/api/articles/" + article.articleId()).statusCode() == 410);
        HttpResponse<byte[]> gone = get("/api/articles/" + article.articleId());
        assertThat(gone.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(gone).get("type").asString()).endsWith("/article-withdrawn");
        String slug = stored(article.articleId()).getString("slug");
        assertThat(get("/api/articles/" + slug).statusCode()).isEqualTo(410);

        publish(Articles.revision(article, 3, article.title() + " (đăng lại)", null));

        HttpResponse<byte[]> back = await().atMost(WAIT)
                .until(() -> get("/api/articles/" + slug), r -> r.statusCode() == 200);
        assertThat(json(back).get("revision").asLong()).isEqualTo(3);
        assertThat(json(back).get("title").asString()).endsWith("(đăng lại)");
    }

    @Test
    void keepsAnArticleWithdrawnWhenItsOlderPublicationArrivesAfterTheWithdrawal() throws Exception {
        ArticlePublished article = Articles.article("Rút trước khi đăng " + unique());

        publish(new ArticleUnpublished(article.articleId(), 2, Instant.now(), "Gỡ bài"));
        awaitRevision(article.articleId(), 2);
        publish(article); // revision 1, late, on the other topic
        String marker = publishMarkerAfter(article.articleId());
        awaitRevision(marker, 1);

        assertThat(get("/api/articles/" + article.articleId()).statusCode()).isEqualTo(410);
        assertThat(stored(article.articleId()).getLong("revision")).isEqualTo(2L);
    }

    @Test
    void sendsAMalformedEventToTheDeadLetterTopicWithTheReasonAndAppliesTheNextOne() throws Exception {
        String badKey = "bad-" + UUID.randomUUID();
        byte[] notJson = "{\"articleId\": \"x\", \"title\": ".getBytes(StandardCharsets.UTF_8);
        kafka.send(EventRecords.raw(EventType.ARTICLE_PUBLISHED, badKey, notJson)).get();
        ArticlePublished good = Articles.article("Bài hợp lệ sau bản tin hỏng " + UUID.randomUUID());
        kafka.send(EventRecords.of(good, badKey)).get(); // same key: same partition, after the bad one

        awaitRevision(good.articleId(), 1);
        ConsumerRecord<String, byte[]> dead = awaitRecords(PUBLISHED_DLT, badKey, 1).get(0);
        assertThat(dead.value()).isEqualTo(notJson);
        assertThat(reason(dead)).contains("not JSON");
        assertThat(dead.headers().lastHeader(org.springframework.kafka.support.KafkaHeaders.DLT_EXCEPTION_STACKTRACE))
                .as("no stack trace in the dead letter").isNull();
    }

    @Test
    void sendsAnEventThatFailsItsSchemaToTheDeadLetterTopic() throws Exception {
        String key = "empty-title-" + UUID.randomUUID();
        ArticlePublished noTitle = new ArticlePublished(key, 1, null, "", null, "<p>x</p>", List.of(), null, null,
                List.of(), "vi", Instant.now(), Instant.now(), null);
        kafka.send(EventRecords.of(noTitle, key)).get();

        ConsumerRecord<String, byte[]> dead = awaitRecords(PUBLISHED_DLT, key, 1).get(0);
        assertThat(reason(dead)).contains("fails schema").contains("title");
        assertThat(mongo.getCollection("articles").countDocuments(new Document("_id", key))).isZero();
    }

    @Test
    void sendsInvalidAndUnsafeEventsToTheDeadLetterTopicWithAReasonAndAppliesTheValidOneAfterThem() throws Exception {
        String id = "unsafe-" + UUID.randomUUID();
        Instant now = Instant.now();
        List<ArticlePublished> refused = List.of(
                event(id, 1, "Chỉ có mã độc", "<script>alert(1)</script><iframe src=\"https://evil.example\"></iframe>",
                        List.of(), now),
                event(id, 2, "Tiêu đề <script>alert(1)</script>", "<p>Nội dung</p>", List.of(), now),
                event(id, 3, "Ảnh có địa chỉ nguy hiểm", "<p>Nội dung</p>",
                        List.of(new ArticleImage(null, "javascript:alert(1)", "Chú thích", "ảnh", null)), now),
                event(id, 4, "   ", "<p>Nội dung</p>", List.of(), now));
        ArticlePublished valid = event(id, 5, "Bài hợp lệ sau các bản tin xấu",
                "<p onclick=\"steal()\">Nội dung <a href=\"javascript:alert(1)\">xấu</a> "
                        + "<a href=\"https://example.com/a\">nguồn</a></p><script>alert(1)</script>"
                        + "<img src=\"data:image/png;base64,iVBORw0KGgo=\"><form><input name=\"x\"></form>"
                        + "<figure><img src=\"/api/media/abc/w1024\" alt=\"Ảnh\"><figcaption>Chú thích.</figcaption></figure>",
                List.of(), now);
        double deadLettered = counted("dead-lettered");
        List<byte[]> sent = new ArrayList<>();
        for (ArticlePublished event : refused) {
            var record = EventRecords.of(event, id);
            sent.add(record.value());
            kafka.send(record).get();
        }
        publish(valid); // same key: same partition, after the refused ones

        awaitRevision(id, 5);
        assertThat(json(get("/api/articles/" + id)).get("bodyHtml").asString()).isEqualTo(
                "<p>Nội dung xấu <a href=\"https://example.com/a\" rel=\"noopener nofollow\">nguồn</a></p>"
                        + "<figure><img src=\"/api/media/abc/w1024\" alt=\"Ảnh\"><figcaption>Chú thích.</figcaption></figure>");
        List<ConsumerRecord<String, byte[]>> dead = awaitRecords(PUBLISHED_DLT, id, 4);
        assertThat(dead).extracting(ConsumerRecord::value).containsExactlyElementsOf(sent);
        assertThat(dead).extracting(ArticleFlowContract::reason).satisfiesExactly(
                reason -> assertThat(reason).contains("revision 1").contains("body is empty after sanitizing"),
                // markup in the title and an unsafe image URL fail the contract's schema, checked first
                reason -> assertThat(reason).contains("fails schema").contains("/title"),
                reason -> assertThat(reason).contains("fails schema").contains("/images/0/url"),
                reason -> assertThat(reason).contains("title is empty"));
        assertThat(counted("dead-lettered")).isGreaterThanOrEqualTo(deadLettered + 4);
    }

    @Test
    void deadLettersARevisionFarAboveTheStoredOneOrATimeInTheFutureAndAppliesTheNextRevisions() throws Exception {
        String id = "poison-" + UUID.randomUUID();
        Instant now = Instant.now();
        publish(event(id, 1, "Bài trước các bản tin độc", "<p>Nội dung</p>", List.of(), now));
        awaitRevision(id, 1);
        List<org.apache.kafka.clients.producer.ProducerRecord<String, byte[]>> poison = List.of(
                EventRecords.of(event(id, Long.MAX_VALUE, "Bản tin độc", "<p>x</p>", List.of(), now), id),
                EventRecords.of(event(id, 1_002, "Bước quá xa", "<p>x</p>", List.of(), now), id),
                EventRecords.of(event(id, 2, "Bản tin từ tương lai", "<p>x</p>", List.of(),
                        Instant.parse("9999-12-31T00:00:00Z")), id));
        for (var record : poison) {
            kafka.send(record).get();
        }
        kafka.send(EventRecords.of(new ArticleUnpublished(id, Long.MAX_VALUE, now, "độc"), id)).get();

        publish(event(id, 2, "Bài sửa lần hai", "<p>Nội dung đã sửa</p>", List.of(), Instant.now()));
        awaitRevision(id, 2);
        assertThat(stored(id).getString("title")).isEqualTo("Bài sửa lần hai");
        kafka.send(EventRecords.of(new ArticleUnpublished(id, 3, Instant.now(), "gỡ"), id)).get();

        await().atMost(WAIT).untilAsserted(() -> assertThat(get("/api/articles/" + id).statusCode()).isEqualTo(410));
        List<ConsumerRecord<String, byte[]>> dead = awaitRecords(PUBLISHED_DLT, id, 3);
        assertThat(dead).extracting(ConsumerRecord::value)
                .containsExactlyElementsOf(poison.stream().map(r -> r.value()).toList());
        assertThat(dead).extracting(ArticleFlowContract::reason).satisfiesExactly(
                reason -> assertThat(reason).contains("more than 1000 above the stored revision 1"),
                reason -> assertThat(reason).contains("revision 1002 is more than 1000 above"),
                reason -> assertThat(reason).contains("in the future"));
        assertThat(reason(awaitRecords(EventType.ARTICLE_UNPUBLISHED.topic() + ".DLT", id, 1).get(0)))
                .contains("more than 1000 above");
    }

    @Test
    void keepsTheActuatorOnTheManagementPortAndShowsDetailsToOperatorsOnly() throws Exception {
        assertThat(managementPort).isNotEqualTo(port);
        for (String path : List.of("/actuator/health", "/actuator/metrics", "/actuator/prometheus", "/actuator/env")) {
            assertThat(call("GET", path, null, null).statusCode()).as("public port " + path).isIn(401, 403, 404);
        }
        JsonNode ready = json(get("/readyz"));
        assertThat(ready.toString()).isEqualTo("{\"status\":\"UP\"}");

        JsonNode anyone = json(call(managementPort, "GET", "/actuator/health", null, null));
        assertThat(anyone.get("status").asString()).isEqualTo("UP");
        assertThat(anyone.has("components")).as(anyone.toString()).isFalse();
        assertThat(call(managementPort, "GET", "/actuator/metrics", null, null).statusCode()).isEqualTo(401);
        assertThat(call(managementPort, "GET", "/actuator/metrics", editorToken(), null).statusCode()).isEqualTo(403);

        String operator = vn.portal.devstack.DevIssuer.forTests().operatorToken("van-hanh");
        assertThat(json(call(managementPort, "GET", "/actuator/health", operator, null)).has("components")).isTrue();
        assertThat(call(managementPort, "GET", "/actuator/metrics", operator, null).statusCode()).isEqualTo(200);
    }

    @Test
    void exportsIngestedEventsByOutcomeAndTheIngestLag() throws Exception {
        ArticlePublished article = Articles.article("Bài để đo " + unique());
        publish(article);
        awaitRevision(article.articleId(), 1);

        String metrics = new String(call(managementPort, "GET", "/actuator/prometheus", null, null).body(), StandardCharsets.UTF_8);

        for (String outcome : List.of("applied", "duplicate", "stale", "dead-lettered")) {
            assertThat(metrics).contains("articles_ingested_total{application=\"article-service\",outcome=\"" + outcome + "\"}");
        }
        assertThat(metrics).containsPattern("articles_ingest_lag_seconds\\{application=\"article-service\"} \\d");
        assertThat(meters.get("articles.ingest.lag").gauge().value()).isBetween(0.0, 30.0);
    }

    @Test
    void answersAnUnknownArticleWithANotFoundProblem() throws Exception {
        HttpResponse<byte[]> response = get("/api/articles/khong-co-bai-nay");

        assertThat(response.statusCode()).isEqualTo(404);
        JsonNode problem = json(response);
        assertThat(problem.get("type").asString()).endsWith("/article-not-found");
        assertThat(problem.get("status").asInt()).isEqualTo(404);
    }

    @Test
    void listsNewestFirstAndRefusesOversizedPages() throws Exception {
        Instant now = Instant.now();
        ArticlePublished older = Articles.article("Bài cũ hơn " + UUID.randomUUID(), now.minusSeconds(3600));
        ArticlePublished newer = Articles.article("Bài mới hơn " + UUID.randomUUID(), now);
        publish(older);
        publish(newer);
        awaitRevision(older.articleId(), 1);
        awaitRevision(newer.articleId(), 1);

        JsonNode page = json(get("/api/articles?size=50"));
        List<String> ids = page.get("items").valueStream().map(item -> item.get("id").asString()).toList();
        assertThat(ids.indexOf(newer.articleId())).isLessThan(ids.indexOf(older.articleId()));
        assertThat(get("/api/articles?size=500").statusCode()).isEqualTo(400);
    }

    @Test
    void filtersTheListByCategoryAndTagInAStableNewestFirstOrder() throws Exception {
        String category = "Chuyên mục thử " + unique();
        String tag = "nhãn " + unique();
        Instant now = Instant.now();
        ArticlePublished a = article("Bài một " + unique(), "<p>một</p>", category, List.of(tag), now.minusSeconds(30));
        ArticlePublished b = article("Bài hai " + unique(), "<p>hai</p>", category, List.of(), now.minusSeconds(20));
        ArticlePublished c = article("Bài ba " + unique(), "<p>ba</p>", category, List.of(tag), now.minusSeconds(10));
        ArticlePublished elsewhere = article("Bài khác " + unique(), "<p>khác</p>", "Khác", List.of(tag), now);
        for (ArticlePublished event : List.of(a, b, c, elsewhere)) {
            publish(event);
            awaitRevision(event.articleId(), 1);
        }

        String byCategory = "/api/articles?category=" + encode(category);
        assertThat(ids(get(byCategory + "&size=2&page=0"))).containsExactly(c.articleId(), b.articleId());
        assertThat(ids(get(byCategory + "&size=2&page=1"))).containsExactly(a.articleId());
        assertThat(json(get(byCategory + "&size=2")).get("total").asLong()).isEqualTo(3);
        assertThat(ids(get("/api/articles?size=50&tag=" + encode(tag))))
                .containsExactly(elsewhere.articleId(), c.articleId(), a.articleId());
        assertThat(ids(get(byCategory + "&tag=" + encode(tag)))).containsExactly(c.articleId(), a.articleId());
    }

    @Test
    void findsArticlesWithoutDiacriticsAndRanksExactAndTitleMatchesFirst() throws Exception {
        String category = "Tìm kiếm " + unique();
        Instant now = Instant.now();
        ArticlePublished titleMatch = article("Tổng kết công tác thi đua năm 2024", "<p>Nội dung tổng kết.</p>",
                category, List.of(), now.minusSeconds(50));
        ArticlePublished bodyMatch = article("Hội nghị cuối năm", "<p>Phong trào thi đua yêu nước.</p>",
                category, List.of(), now.minusSeconds(40));
        ArticlePublished party = article("Đảng bộ tỉnh Kon Tum họp phiên cuối năm", "<p>Nội dung phiên họp.</p>",
                category, List.of(), now.minusSeconds(30));
        ArticlePublished currently = article("Đang cập nhật lịch tiếp dân", "<p>Thông báo.</p>",
                category, List.of(), now.minusSeconds(20));
        ArticlePublished partyInBody = article("Hội nghị học tập nghị quyết", "<p>Thực hiện chủ trương của Đảng.</p>",
                category, List.of(), now.minusSeconds(10));
        for (ArticlePublished event : List.of(titleMatch, bodyMatch, party, currently, partyInBody)) {
            publish(event);
            awaitRevision(event.articleId(), 1);
        }
        String in = "&category=" + encode(category);

        assertThat(ids(get("/api/articles/search?q=" + encode("thi dua") + in)))
                .containsExactly(titleMatch.articleId(), bodyMatch.articleId());
        assertThat(ids(get("/api/articles/search?q=" + encode("thi đua") + in)))
                .containsExactly(titleMatch.articleId(), bodyMatch.articleId());
        assertThat(ids(get("/api/articles/search?q=" + encode("kon tum") + in))).containsExactly(party.articleId());
        assertThat(ids(get("/api/articles/search?q=dang" + in)))
                .containsExactlyInAnyOrder(party.articleId(), currently.articleId(), partyInBody.articleId());
        assertThat(ids(get("/api/articles/search?q=" + encode("Đảng") + in)))
                .containsExactly(party.articleId(), partyInBody.articleId(), currently.articleId());
        assertThat(ids(get("/api/articles/search?q=" + encode("Đảng") + in + "&size=1&page=1")))
                .containsExactly(partyInBody.articleId());
        JsonNode hit = json(get("/api/articles/search?q=" + encode("Đảng") + in)).get("items").get(0);
        assertThat(hit.get("title").asString()).isEqualTo(party.title());
        assertThat(hit.get("category").asString()).isEqualTo(category);
        assertThat(hit.get("publishedAt").asString()).endsWith("+07:00");
        assertThat(hit.get("match").asString()).isEqualTo("title");
        assertThat(get("/api/articles/search?q=" + encode("  !! ")).statusCode()).isEqualTo(400);
    }

    @Test
    void refusesASearchPageBeyondTheRankedMatchesInsteadOfOverflowing() throws Exception {
        for (String paging : List.of("page=500&size=50", "page=" + Integer.MAX_VALUE + "&size=50", "page=10&size=50")) {
            HttpResponse<byte[]> response = get("/api/articles/search?q=thi+dua&" + paging);

            assertThat(response.statusCode()).as(paging).isEqualTo(400);
            assertThat(json(response).get("type").asString()).endsWith("/invalid-page");
        }
        assertThat(get("/api/articles/search?q=thi+dua&page=9&size=50").statusCode()).isEqualTo(200);
    }

    @Test
    void appliesANewerRatingSummaryComputedInTheSameMillisecondAndStillIgnoresDuplicatesAndOlderOnes()
            throws Exception {
        ArticlePublished article = Articles.article("Bài được đánh giá liên tiếp " + unique());
        publish(article);
        awaitRevision(article.articleId(), 1);
        Instant millisecond = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ArticleRatingSummary newer = new ArticleRatingSummary(article.articleId(), 9, 2, 4.5,
                List.of(0L, 0L, 0L, 1L, 1L), 3.43, millisecond.plusNanos(300_000)); // MongoDB keeps milliseconds

        publish(new ArticleRatingSummary(article.articleId(), 4, 1, 4.0, List.of(0L, 0L, 0L, 1L, 0L), 3.17,
                millisecond));
        publish(newer);
        publish(newer); // redelivered
        publish(new ArticleRatingSummary(article.articleId(), 5, 1, 5.0, List.of(0L, 0L, 0L, 0L, 1L), 3.33,
                millisecond.minusMillis(1))); // older, late
        ArticleRatingSummary marker = new ArticleRatingSummary("dau-moc-" + unique(), 0, 0, 0,
                List.of(0L, 0L, 0L, 0L, 0L), 0, millisecond);
        kafka.send(EventRecords.of(marker, article.articleId())).get(); // same partition, after them

        await().atMost(WAIT).until(() -> mongo.getCollection("ratings").countDocuments(
                new Document("_id", marker.articleId())) == 1);
        JsonNode rating = json(get("/api/articles/" + article.articleId())).get("rating");
        assertThat(rating.get("points").asLong()).isEqualTo(9);
        assertThat(rating.get("count").asLong()).isEqualTo(2);
    }

    @Test
    void servesTheCurrentRatingTotalsAndIgnoresOlderOnes() throws Exception {
        ArticlePublished article = Articles.article("Bài được đánh giá " + unique());
        publish(article);
        awaitRevision(article.articleId(), 1);
        Instant now = Instant.now();

        publish(new ArticleRatingSummary(article.articleId(), 9, 2, 4.5, List.of(0L, 0L, 0L, 1L, 1L), 3.43, now));
        publish(new ArticleRatingSummary(article.articleId(), 4, 1, 4.0, List.of(0L, 0L, 0L, 1L, 0L), 3.17,
                now.minusSeconds(60))); // older, late
        ArticleRatingSummary marker = new ArticleRatingSummary("dau-moc-" + unique(), 0, 0, 0, List.of(0L, 0L, 0L, 0L, 0L),
                0, now);
        kafka.send(EventRecords.of(marker, article.articleId())).get(); // same partition, after both

        await().atMost(WAIT).until(() -> mongo.getCollection("ratings").countDocuments(
                new Document("_id", marker.articleId())) == 1);
        JsonNode rating = json(get("/api/articles/" + article.articleId())).get("rating");
        assertThat(rating.get("points").asLong()).isEqualTo(9);
        assertThat(rating.get("count").asLong()).isEqualTo(2);
        assertThat(rating.get("label").asString()).isEqualTo("Tổng số điểm của bài viết là: 9 trong 2 đánh giá");
    }

    @Test
    void answersRepeatedReadsWithAnETagACacheControlAnd304() throws Exception {
        ArticlePublished article = Articles.article("Bài được đọc lại " + unique());
        publish(article);
        awaitRevision(article.articleId(), 1);

        for (String path : List.of("/api/articles/" + article.articleId(), "/api/articles?size=5",
                "/api/articles/search?q=doc+lai")) {
            HttpResponse<byte[]> first = get(path);
            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(first.headers().firstValue("Cache-Control")).hasValueSatisfying(
                    value -> assertThat(value).contains("max-age=60").contains("public").doesNotContain("no-cache"));
            String etag = first.headers().firstValue("ETag").orElseThrow();

            HttpResponse<byte[]> again = get(path, "If-None-Match", etag);
            assertThat(again.statusCode()).as(path).isEqualTo(304);
            assertThat(again.body()).isEmpty();
        }

        String etag = get("/api/articles/" + article.articleId()).headers().firstValue("ETag").orElseThrow();
        publish(Articles.revision(article, 2, article.title() + " (sửa)", "Đính chính: tiêu đề"));
        awaitRevision(article.articleId(), 2);
        HttpResponse<byte[]> changed = get("/api/articles/" + article.articleId(), "If-None-Match", etag);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
    }

    @Test
    void rebuildingTheReadModelFromTheTopicsGivesTheSameState() throws Exception {
        String word = unique();
        ArticlePublished corrected = Articles.article("Bài được đính chính " + word);
        ArticlePublished twin = Articles.article(corrected.title());
        ArticlePublished withdrawn = Articles.article("Bài bị gỡ " + word);
        ArticlePublished withdrawnFirst = Articles.article("Bài gỡ trước " + word);
        publish(corrected);
        awaitRevision(corrected.articleId(), 1);
        publish(twin);
        publish(Articles.revision(corrected, 2, corrected.title() + " (sửa)", "Đính chính: ngày họp"));
        publish(Articles.revision(corrected, 3, corrected.title() + " (sửa lần hai)", "Đính chính: tên người"));
        publish(withdrawn);
        publish(new ArticleUnpublished(withdrawn.articleId(), 2, Instant.now(), "Sai sự thật"));
        publish(new ArticleUnpublished(withdrawnFirst.articleId(), 2, Instant.now(), null));
        publish(withdrawnFirst);
        publish(Articles.seedArticle());
        List<String> ids = List.of(corrected.articleId(), twin.articleId(), withdrawn.articleId(),
                withdrawnFirst.articleId(), Articles.seedArticle().articleId());
        awaitRevision(corrected.articleId(), 3);
        awaitRevision(twin.articleId(), 1);
        awaitRevision(withdrawn.articleId(), 2);
        awaitRevision(withdrawnFirst.articleId(), 2);
        awaitRevision(Articles.seedArticle().articleId(), 1);
        awaitRecordsApplied(withdrawnFirst);
        List<Document> articlesBefore = documents("articles", "_id", ids);
        List<Document> revisionsBefore = documents("revisions", "articleId", ids);

        HttpResponse<byte[]> response = call("POST", "/api/admin/rebuild", editorToken(), null);

        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(json(response).get("records").asLong()).isGreaterThanOrEqualTo(10);
        assertThat(documents("articles", "_id", ids)).isEqualTo(articlesBefore);
        assertThat(documents("revisions", "articleId", ids)).isEqualTo(revisionsBefore);
        assertThat(articlesBefore).hasSize(5);
        assertThat(json(get("/api/articles/" + corrected.articleId())).get("corrections")).hasSize(2);
        assertThat(get("/api/articles/" + withdrawnFirst.articleId()).statusCode()).isEqualTo(410);
        // and the listeners run again
        ArticlePublished after = Articles.article("Bài sau khi dựng lại " + word);
        publish(after);
        awaitRevision(after.articleId(), 1);
    }

    @Test
    void rebuildsTheRatingTotalsFromTheCompactedSummariesThroughThePlatformsRebuildEndpoint() throws Exception {
        ArticlePublished article = Articles.article("Bài có điểm được dựng lại " + unique());
        publish(article);
        awaitRevision(article.articleId(), 1);
        publish(new ArticleRatingSummary(article.articleId(), 9, 2, 4.5, List.of(0L, 0L, 0L, 1L, 1L), 3.43, Instant.now()));
        await().atMost(WAIT).until(() -> json(get("/api/articles/" + article.articleId())).get("rating")
                .get("points").asLong() == 9);

        assertThat(call("POST", "/api/admin/read-models/ratings/rebuild", null, null).statusCode()).isEqualTo(401);
        assertThat(call("POST", "/api/admin/read-models/nothing-here/rebuild", editorToken(), null).statusCode())
                .isEqualTo(404);
        HttpResponse<byte[]> response = call("POST", "/api/admin/read-models/ratings/rebuild", editorToken(), null);

        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(json(response).get("readModel").asString()).isEqualTo("ratings");
        assertThat(json(response).get("records").asLong()).isGreaterThanOrEqualTo(1);
        JsonNode rating = json(get("/api/articles/" + article.articleId())).get("rating");
        assertThat(rating.get("points").asLong()).isEqualTo(9);
        assertThat(rating.get("count").asLong()).isEqualTo(2);
    }

    /** The late revision 1 of an article withdrawn first has been seen (as stale) too. */
    private void awaitRecordsApplied(ArticlePublished late) {
        await().atMost(WAIT).until(() -> mongo.getCollection("revisions")
                .countDocuments(new Document("_id", late.articleId() + ":1")) == 1);
    }

    private List<Document> documents(String collection, String field, List<String> ids) {
        return mongo.getCollection(collection).find(new Document(field, new Document("$in", ids)))
                .sort(new Document("_id", 1)).into(new ArrayList<>());
    }

    private static ArticlePublished event(String id, long revision, String title, String body, List<ArticleImage> images,
                                          Instant at) {
        return new ArticlePublished(id, revision, null, title, null, body, images, null, null, List.of(), "vi", at, at,
                null);
    }

    /** A record on the same partition after the others: once it is applied, so are they. */
    private String publishMarkerAfter(String key) throws Exception {
        ArticlePublished marker = Articles.article("Dấu mốc " + UUID.randomUUID());
        kafka.send(EventRecords.of(marker, key)).get();
        return marker.articleId();
    }

    private static String reason(ConsumerRecord<String, byte[]> dead) {
        return CloudEventHeaders.read(dead.headers(), EventsConfiguration.DEAD_LETTER_REASON).orElse("");
    }

    private static List<String> ids(HttpResponse<byte[]> response) {
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return json(response).get("items").valueStream().map(item -> item.get("id").asString()).toList();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
