package vn.portal.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import tools.jackson.databind.JsonNode;
import vn.portal.contracts.ArticlePublished;
import vn.portal.contracts.Topics;
import vn.portal.devstack.EmbeddedPlatform;
import vn.portal.devstack.DevIssuer;

/**
 * Totals are exact: 2,000 votes from 300 voters on four articles, with changed votes, the tally
 * crashing halfway and reading everything again, and every tenth record duplicated in the log.
 * Each article's totals must equal those computed directly from the voters' final votes; a replay
 * from the beginning must give the same.
 */
@EmbeddedPlatform
class ExactTotalsTest extends RatingServiceTestSupport {

    private static final int VOTES = 2000;
    private static final int VOTERS = 300;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void totalsEqualTheVotersFinalVotesDespiteDuplicatesACrashAndAReplay() throws Exception {
        List<String> articles = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ArticlePublished article = publishedArticle("Bài kiểm tra tổng điểm " + i + " " + UUID.randomUUID());
            articles.add(article.articleId());
        }
        List<String> voters = IntStream.range(0, VOTERS).mapToObj(i -> voterIds.newAnonymousId()).toList();
        Map<String, Integer> finalVotes = new HashMap<>(); // article|voter -> stars
        Random random = new Random(20240131);

        for (int i = 0; i < VOTES; i++) {
            String voter = voters.get(i % VOTERS); // about 7 votes each, under the per-voter limit
            String article = articles.get(random.nextInt(articles.size()));
            int stars = 1 + random.nextInt(5);
            HttpResponse<String> response = vote(article, "{\"stars\":" + stars + "}", voter);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            finalVotes.put(article + "|" + voter, stars);
            if (i == VOTES / 2) {
                crashTheTallyAndRedeliverEverything();
            }
        }
        duplicateEveryTenthRecordOf(new HashSet<>(articles));

        awaitTotalsEqual(articles, finalVotes);
        replayFromTheBeginning();
        awaitTotalsEqual(articles, finalVotes);
    }

    /** Like a crash before any offset was committed: stop, rewind the group to the start, start. */
    private void crashTheTallyAndRedeliverEverything() throws Exception {
        MessageListenerContainer tally = listeners.getListenerContainer("rating-tally");
        tally.stop();
        try (var admin = org.apache.kafka.clients.admin.Admin.create(
                Map.of("bootstrap.servers", System.getProperty("spring.kafka.bootstrap-servers")))) {
            Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> start =
                    new HashMap<>();
            for (int p = 0; p < 3; p++) {
                start.put(new org.apache.kafka.common.TopicPartition(Topics.ARTICLE_RATED, p),
                        new org.apache.kafka.clients.consumer.OffsetAndMetadata(0));
            }
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> admin.alterConsumerGroupOffsets("rating-service-tally", start).all().get() == null);
        }
        tally.start();
    }

    private void duplicateEveryTenthRecordOf(Set<String> articles) throws Exception {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (Consumer<String, byte[]> consumer = consumers.createConsumer("dup-" + UUID.randomUUID(), null)) {
            consumer.subscribe(List.of(Topics.ARTICLE_RATED));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (articles.contains(r.key())) {
                        records.add(r);
                    }
                });
                return records.size() >= VOTES;
            });
        }
        for (int i = 0; i < records.size(); i += 10) {
            ConsumerRecord<String, byte[]> original = records.get(i);
            kafka.send(new ProducerRecord<>(Topics.ARTICLE_RATED, null, original.key(), original.value(),
                    original.headers())).get();
        }
    }

    private void replayFromTheBeginning() throws Exception {
        HttpResponse<String> response = HTTP_CLIENT.send(request("/api/admin/ratings/replay")
                        .header("Authorization", "Bearer " + DevIssuer.forTests().editorToken("van.hanh"))
                        .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private void awaitTotalsEqual(List<String> articles, Map<String, Integer> finalVotes) {
        for (String article : articles) {
            long[] histogram = new long[5];
            finalVotes.forEach((key, stars) -> {
                if (key.startsWith(article + "|")) {
                    histogram[stars - 1]++;
                }
            });
            long count = IntStream.range(0, 5).mapToLong(i -> histogram[i]).sum();
            long points = IntStream.range(0, 5).mapToLong(i -> (i + 1) * histogram[i]).sum();
            await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
                JsonNode rating = rating(article);
                assertThat(rating.get("count").asLong()).isEqualTo(count);
                assertThat(rating.get("points").asLong()).isEqualTo(points);
                assertThat(rating.get("histogram").valueStream().map(JsonNode::asLong).toList())
                        .containsExactly(histogram[0], histogram[1], histogram[2], histogram[3], histogram[4]);
            });
        }
    }
}
