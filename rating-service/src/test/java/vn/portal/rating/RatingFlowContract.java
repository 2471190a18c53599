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
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import vn.portal.devstack.RawHttp;
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
import vn.portal.contracts.ArticleRatingSummary;
import vn.portal.contracts.EventType;
import vn.portal.platform.events.EventSchemas;
import vn.portal.contracts.ArticleUnpublished;
import vn.portal.contracts.Topics;
import vn.portal.devstack.Articles;
import vn.portal.devstack.EventRecords;
import vn.portal.devstack.WithDevIssuer;
import vn.portal.identity.PlatformHeaders;
import vn.portal.identity.VoterIds;
import vn.portal.platform.events.CloudEventHeaders;

/**
 * Flow 3 of DESIGN.md end to end on a real broker and MongoDB: a reader rates, ArticleRated is in
 * the log, the tally folds it into totals.
 */
abstract class RatingFlowContract extends RatingServiceTestSupport {

    @Autowired
    MeterRegistry meters;

    @ParameterizedTest
    @ValueSource(strings = {"/api/ratings/top?days=%ff%fe", "/api/ratings/top?limit=%zz", "/api/ratings/top?%c3%28=1", "/api/articles/%ff/rating", "/api/articles/%zz/rating"})
    void answersMalformedPercentEncodingAndInvalidUtf8WithA400Problem(String target) {
        RawHttp.Answer answer = RawHttp.send(port, "GET", target);

        assertThat(answer.status()).as(target + "\n" + answer.head() + "\n" + answer.body()).isEqualTo(400);
        assertThat(answer.isProblem()).as(answer.head()).isTrue();
        assertThat(answer.body()).contains("https://portal.vn/problems/");
    }

    @Test
    void ratesAPublishedArticleByItsSlugAndServesThePointsAndTheVietnameseLabel() throws Exception {
        ArticlePublished article = publishedArticle("Bài để đánh giá " + UUID.randomUUID());
        String slug = vn.portal.platform.slug.Slugs.of(article.title());

        HttpResponse<String> accepted = vote(slug, "{\"stars\":4}", null);

        assertThat(accepted.statusCode()).isEqualTo(202);
        JsonNode rating = awaitRating(article.articleId(), 1);
        assertThat(rating.get("points").asLong()).isEqualTo(4);
        assertThat(rating.get("label").asString()).isEqualTo("Tổng số điểm của bài viết là: 4 trong 1 đánh giá");
        assertThat(rating.get("action").asString()).isEqualTo("Click để đánh giá bài viết");
        Document totals = mongo.getCollection("totals").find(new Document("_id", article.articleId())).first();
        assertThat(totals.getLong("points")).isEqualTo(4L);
    }

    @Test
    void producesArticleRatedWithCloudEventsHeadersBeforeAnswering() throws Exception {
        ArticlePublished article = publishedArticle("Bài có sự kiện đánh giá " + UUID.randomUUID());

        String ratingId = JSON.readTree(vote(article.articleId(), "{\"stars\":5}", "reader-1").body())
                .get("ratingId").asString();

        ConsumerRecord<String, byte[]> record = firstRecord(Topics.ARTICLE_RATED, article.articleId());
        assertThat(CloudEventHeaders.read(record.headers(), CloudEventHeaders.TYPE)).hasValue("vn.portal.article.rated.v1");
        assertThat(CloudEventHeaders.read(record.headers(), CloudEventHeaders.ID)).hasValue(ratingId);
        assertThat(CloudEventHeaders.read(record.headers(), CloudEventHeaders.SPEC_VERSION)).hasValue("1.0");
        ArticleRated rated = JSON.readValue(record.value(), ArticleRated.class);
        assertThat(rated.stars()).isEqualTo(5);
        assertThat(rated.previousStars()).isNull();
        assertThat(rated.voterId()).isEqualTo("reader-1");
    }

    @Test
    void countsAChangedVoteOnceWithTheNewStars() throws Exception {
        ArticlePublished article = publishedArticle("Bài được đổi điểm " + UUID.randomUUID());

        vote(article.articleId(), "{\"stars\":2}", "reader-2");
        awaitRating(article.articleId(), 1);
        vote(article.articleId(), "{\"stars\":5}", "reader-2");

        await().atMost(Duration.ofSeconds(30)).until(() -> rating(article.articleId()).get("points").asLong() == 5);
        assertThat(rating(article.articleId()).get("count").asLong()).isEqualTo(1);
    }

    @Test
    void countsADuplicatedArticleRatedRecordOnce() throws Exception {
        ArticlePublished article = publishedArticle("Bài nhận bản ghi trùng " + UUID.randomUUID());
        ArticleRated rated = new ArticleRated(UUID.randomUUID(), article.articleId(), "reader-3", 3, null, Instant.now());

        kafka.send(EventRecords.of(rated, article.articleId())).get();
        kafka.send(EventRecords.of(rated, article.articleId())).get();
        vote(article.articleId(), "{\"stars\":1}", "reader-4"); // after both, on the same partition

        JsonNode rating = awaitRating(article.articleId(), 2);
        assertThat(rating.get("points").asLong()).isEqualTo(4);
        assertThat(rating.get("histogram").valueStream().map(JsonNode::asLong).toList()).containsExactly(1L, 0L, 1L, 0L, 0L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"stars\":0}", "{\"stars\":6}", "{\"stars\":4.5}", "{\"stars\":\"4\"}",
            "{\"stars\":4,\"voterId\":\"x\"}", "{}", "[4]", "{\"stars\":", "not json"})
    void refusesABadVoteWithAProblemAndStoresNothing(String body) throws Exception {
        ArticlePublished article = publishedArticle("Bài nhận phiếu sai " + UUID.randomUUID());

        HttpResponse<String> response = vote(article.articleId(), body, "reader-5");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(mongo.getCollection("votes").countDocuments(new Document("articleId", article.articleId()))).isZero();
    }

    @Test
    void refusesAVoteWithoutAVoterOrWithAForgedOne() throws Exception {
        ArticlePublished article = publishedArticle("Bài nhận phiếu giả " + UUID.randomUUID());
        String path = "/api/articles/" + article.articleId() + "/ratings";

        HttpResponse<String> anonymous = send(request(path), "{\"stars\":5}");
        HttpResponse<String> forged = send(request(path).header(PlatformHeaders.VOTER_ID, "a-someone")
                .header(PlatformHeaders.VOTER_SIGNATURE, "made-up"), "{\"stars\":5}");

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(forged.body()).get("type").asString()).endsWith("/voter-required");
        assertThat(mongo.getCollection("votes").countDocuments(new Document("articleId", article.articleId()))).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST /api/admin/ratings/replay", "HEAD /api/admin/ratings/replay",
            "OPTIONS /api/admin/ratings/replay", "GET /api/admin/ratings/replay", "DELETE /api/articles/a-1/rating",
            "PUT /api/articles/a-1/ratings", "POST /api/ratings/top"})
    void refusesEverythingItDoesNotListAsPublicWithoutAToken(String call) {
        String[] methodAndPath = call.split(" ");
        RawHttp.Answer answer = RawHttp.send(port, methodAndPath[0], methodAndPath[1]);

        assertThat(answer.status()).as(call + "\n" + answer.head()).isEqualTo(401);
        assertThat(answer.isProblem()).as(answer.head()).isTrue();
        assertThat(RawHttp.send(port, "HEAD", "/api/ratings/top").status()).isEqualTo(200);
    }

    @Test
    void refusesAnOversizedVote() throws Exception {
        ArticlePublished article = publishedArticle("Bài nhận phiếu quá lớn " + UUID.randomUUID());

        HttpResponse<String> response = vote(article.articleId(), "{\"stars\":4" + " ".repeat(5000) + "}", null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("type").asString()).endsWith("/vote-too-large");
    }

    @Test
    void slowsDownAVoterWhoVotesFasterThanTheLimitWithRetryAfter() throws Exception {
        ArticlePublished article = publishedArticle("Bài bị bỏ phiếu dồn dập " + UUID.randomUUID());
        String voter = voterIds.newAnonymousId();

        List<HttpResponse<String>> responses = new java.util.ArrayList<>();
        for (int i = 0; i < 25; i++) {
            responses.add(vote(article.articleId(), "{\"stars\":" + (i % 5 + 1) + "}", voter));
        }

        // 10 a minute: at most 20 pass even if the minute turns during the loop
        assertThat(responses.stream().filter(r -> r.statusCode() == 202).count()).isBetween(10L, 20L);
        HttpResponse<String> limited = responses.stream().filter(r -> r.statusCode() == 429).findFirst().orElseThrow();
        assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 60L));
        assertThat(JSON.readTree(limited.body()).get("type").asString()).endsWith("/too-many-votes");
    }

    @Test
    void refusesASlugThatTwoPublishedArticlesShareButTakesEitherById() throws Exception {
        String title = "Lịch công tác tuần " + UUID.randomUUID();
        ArticlePublished first = publishedArticle(title);
        ArticlePublished second = publishedArticle(title);

        assertThat(vote(vn.portal.platform.slug.Slugs.of(title), "{\"stars\":4}", null).statusCode()).isEqualTo(404);
        assertThat(vote(first.articleId(), "{\"stars\":4}", null).statusCode()).isEqualTo(202);
        assertThat(vote(second.articleId(), "{\"stars\":2}", null).statusCode()).isEqualTo(202);
    }

    @Test
    void keepsTheNewerVoteWhenAnOlderOneOfTheSameVoterArrivesLate() throws Exception {
        ArticlePublished article = publishedArticle("Bài nhận phiếu cũ đến muộn " + UUID.randomUUID());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ArticleRated newer = new ArticleRated(UUID.randomUUID(), article.articleId(), "reader-late", 5, 2, now);
        ArticleRated older = new ArticleRated(UUID.randomUUID(), article.articleId(), "reader-late", 2, null,
                now.minusSeconds(60));

        kafka.send(EventRecords.of(newer, article.articleId())).get();
        awaitRating(article.articleId(), 1);
        kafka.send(EventRecords.of(older, article.articleId())).get(); // e.g. redelivered by a producer's retry
        vote(article.articleId(), "{\"stars\":1}", "reader-after-the-late-one");

        awaitRating(article.articleId(), 2);
        // the late record may be folded after the other voter's (another partition once keyed by voter):
        // the totals must stay as they are, not merely be right once
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode rating = rating(article.articleId());
            assertThat(rating.get("points").asLong()).isEqualTo(6);
            assertThat(rating.get("histogram").valueStream().map(JsonNode::asLong).toList())
                    .containsExactly(1L, 0L, 0L, 0L, 1L);
        });
    }

    @Test
    void summarizesWithExactlyThePlatformsCloudEventsHeadersAndTheRequestOfTheVote() throws Exception {
        ArticlePublished article = publishedArticle("Bài có tổng kết đúng tiêu đề " + UUID.randomUUID());
        ArticleRated rated = new ArticleRated(UUID.randomUUID(), article.articleId(), "reader-headers", 4, null,
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
        ProducerRecord<String, byte[]> record = EventRecords.of(rated, article.articleId());
        record.headers().add("x-request-id", "req-tally-1".getBytes(StandardCharsets.UTF_8));
        record.headers().add("x-foreign", "not for the summary".getBytes(StandardCharsets.UTF_8));

        kafka.send(record).get();

        ConsumerRecord<String, byte[]> summary = firstRecord(Topics.ARTICLE_RATING_SUMMARY, article.articleId());
        assertThat(Arrays.stream(summary.headers().toArray()).map(Header::key).toList()).containsExactlyInAnyOrder(
                "ce_specversion", "ce_id", "ce_source", "ce_type", "ce_time", "ce_subject", "content-type",
                "x-request-id");
        assertThat(CloudEventHeaders.read(summary.headers(), CloudEventHeaders.TYPE))
                .hasValue("vn.portal.article.rating-summary.v1");
        assertThat(CloudEventHeaders.read(summary.headers(), CloudEventHeaders.SOURCE)).hasValue("/vn-portal/rating-service");
        assertThat(CloudEventHeaders.read(summary.headers(), CloudEventHeaders.SUBJECT)).hasValue(article.articleId());
        assertThat(CloudEventHeaders.read(summary.headers(), CloudEventHeaders.REQUEST_ID)).hasValue("req-tally-1");
        ArticleRatingSummary value = JSON.readValue(summary.value(), ArticleRatingSummary.class);
        new EventSchemas().check(EventType.ARTICLE_RATING_SUMMARY, JSON.readTree(summary.value()));
        assertThat(value.points()).isEqualTo(4);
        assertThat(value.count()).isEqualTo(1);
        assertThat(value.histogram()).containsExactly(0L, 0L, 0L, 1L, 0L);
        assertThat(value.score()).isCloseTo((5 * 3.0 + 4) / 6, org.assertj.core.api.Assertions.within(1e-9));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "{\"stars\":9}", "future"})
    void deadLettersAnUnreadableOrInvalidVoteWithItsBytesAndAReasonAndFoldsTheNextOne(String kind) throws Exception {
        ArticlePublished article = publishedArticle("Bài nhận bản ghi hỏng " + UUID.randomUUID());
        byte[] bad = switch (kind) {
            case "not json" -> "không phải JSON".getBytes(StandardCharsets.UTF_8);
            case "future" -> JSON.writeValueAsBytes(new ArticleRated(UUID.randomUUID(), article.articleId(),
                    "reader-future", 5, null, Instant.now().plus(Duration.ofDays(3650))));
            default -> JSON.writeValueAsBytes(java.util.Map.of("ratingId", UUID.randomUUID().toString(),
                    "articleId", article.articleId(), "voterId", "reader-bad", "stars", 9, "previousStars", 1,
                    "ratedAt", Instant.now().toString()));
        };
        double deadLettered = deadLettered();

        kafka.send(EventRecords.raw(EventType.ARTICLE_RATED, article.articleId(), bad)).get();
        vote(article.articleId(), "{\"stars\":3}", "reader-after-the-bad-one");

        // CurrentVotes refuses it too, through the platform's error handler: take the tally's
        ConsumerRecord<String, byte[]> dead = firstRecord(Topics.ARTICLE_RATED + Topics.DEAD_LETTER_SUFFIX,
                article.articleId(), r -> CloudEventHeaders.read(r.headers(), "kafka_dlt-original-consumer-group")
                        .filter("rating-service-vote-tally"::equals).isPresent());
        assertThat(dead.value()).isEqualTo(bad);
        assertThat(CloudEventHeaders.read(dead.headers(), "dlt-reason")).hasValueSatisfying(
                reason -> assertThat(reason).startsWith("InvalidEventException: "));
        JsonNode rating = awaitRating(article.articleId(), 1);
        assertThat(rating.get("points").asLong()).isEqualTo(3);
        await().atMost(Duration.ofSeconds(10)).until(() -> deadLettered() > deadLettered);
    }

    private double deadLettered() {
        var counter = meters.find("events.dead-lettered").tags("topic", Topics.ARTICLE_RATED, "reason", "invalid")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void publishesTheKafkaStreamsClientsOwnMetrics() {
        assertThat(meters.getMeters().stream().map(meter -> meter.getId().getName())
                .filter(name -> name.startsWith("kafka.stream"))).isNotEmpty();
    }

    @Test
    void refusesAVoteOnAnUnknownArticle() throws Exception {
        HttpResponse<String> response = vote("khong-co-bai-nay", "{\"stars\":4}", null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(response.body()).get("type").asString()).endsWith("/article-not-found");
    }

    @Test
    void refusesAVoteOnAWithdrawnArticle() throws Exception {
        ArticlePublished article = publishedArticle("Bài bị gỡ " + UUID.randomUUID());

        kafka.send(EventRecords.of(new ArticleUnpublished(article.articleId(), 2, Instant.now(), null),
                article.articleId())).get();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> vote(article.articleId(), "{\"stars\":4}", null).statusCode() == 404);
    }
}
