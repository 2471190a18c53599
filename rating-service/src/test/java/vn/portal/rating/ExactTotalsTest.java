package vn.portal.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import vn.portal.contracts.ArticlePublished;
import vn.portal.contracts.Topics;
import vn.portal.devstack.EmbeddedPlatform;
import vn.portal.devstack.DevIssuer;

/**
 * Totals are exact: 2,000 votes from 300 voters on four articles, with changed votes, the tally
 * killed halfway in the middle of its work, and every tenth record duplicated in the log. Each
 * article's totals must equal those computed directly from the voters' final votes; a replay of
 * the read models from the beginning must give the same.
 *
 * <p>The crash is real: the first half is folded by the tally's topology in a child JVM
 * ({@link TallyInAChildJvm}), killed with SIGKILL right after the 1,000th vote while it is still
 * folding (its open transaction is never committed: the broker aborts it); this service's own
 * tally, bound by the binder and not started until then, takes over from what was committed.
 */
@EmbeddedPlatform
@TestPropertySource(properties = {"spring.cloud.stream.bindings.tally-in-0.consumer.auto-startup=false",
        "spring.cloud.stream.kafka.streams.binder.functions.tally.application-id=" + ExactTotalsTest.TALLY_ID})
class ExactTotalsTest extends RatingServiceTestSupport {

    /**
     * A group and internal topics of its own: the killed member and the restart stay in this test
     * and do not hold up the next test class's tally.
     */
    static final String TALLY_ID = "rating-service-vote-tally-exact-totals-test";

    private static final int VOTES = 2000;
    private static final int VOTERS = 300;

    @Test
    void totalsEqualTheVotersFinalVotesDespiteDuplicatesACrashAndAReplay() throws Exception {
        StreamsBuilderFactoryBean ownTally = tally();
        assertThat(ownTally.isRunning()).as("the service's tally waits for the crash").isFalse();
        Path target = Path.of("target");
        Files.createDirectories(target);
        TallyInAChildJvm child = TallyInAChildJvm.start(TALLY_ID, System.getProperty("spring.kafka.bootstrap-servers"),
                Files.createTempDirectory("rating-tally-child-"), target.resolve("tally-child.log"));
        try {
            await().atMost(Duration.ofSeconds(120)).until(() -> {
                assertThat(child.alive()).as("the child tally runs; see target/tally-child.log").isTrue();
                return child.running();
            });
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
                    // the child has committed some of the first half (the totals show it) and is still folding
                    await().atMost(Duration.ofSeconds(60)).until(() -> countedSoFar(articles) > 0);
                    long folded = countedSoFar(articles);
                    child.kill(); // mid-stream: votes keep coming, its last transaction is left open
                    System.out.printf("tally killed (SIGKILL) after %d votes; %d voters in the totals then%n",
                            i + 1, folded);
                    assertThat(folded).as("the child tally was folding when it was killed").isPositive();
                    ownTally.start();
                }
            }
            duplicateEveryTenthRecordOf(new HashSet<>(articles));

            awaitTotalsEqual(articles, finalVotes);
            replayFromTheBeginning();
            awaitTotalsEqual(articles, finalVotes);
        } finally {
            child.close();
            ownTally.stop(); // started by hand: stopped by hand, before the next test class's tally starts
        }
    }

    /** Votes in the totals of these articles now, as the read model shows them. */
    private long countedSoFar(List<String> articles) throws Exception {
        long counted = 0;
        for (String article : articles) {
            counted += rating(article).get("count").asLong();
        }
        return counted;
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
