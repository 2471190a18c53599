package vn.portal.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.test.context.TestPropertySource;
import vn.portal.contracts.ArticlePublished;
import vn.portal.contracts.ArticleRated;
import vn.portal.contracts.ArticleRatingSummary;
import vn.portal.contracts.Topics;
import vn.portal.devstack.EmbeddedPlatform;
import vn.portal.devstack.EventRecords;

/**
 * The cost of a vote does not grow with the votes an article has: 100,000 votes from 100,000
 * voters on one article are put straight into the tally's input (a topic of its own), then the tally starts and folds them.
 * Each summary it writes says how many votes it had counted ({@code count}) when
 * ({@code updatedAt}, set as the aggregation adds the vote); from those the fold rate over the
 * first and over the last 10,000 votes, after 20,000 votes on another article have warmed up the
 * JVM and the stores (the tally is then stopped, the 100,000 votes produced, and started again). The target is within 20 % of each other; the assertion is
 * only that the end is at least half the start, so that a busy machine cannot fail it. The
 * figures: docs/benchmarks.md.
 */
@EmbeddedPlatform
@TestPropertySource(properties = {"spring.cloud.stream.bindings.tally-in-0.consumer.auto-startup=false",
        "spring.cloud.stream.bindings.tally-in-0.destination=" + TallyFoldRateTest.VOTES_TOPIC,
        "spring.cloud.stream.bindings.tally-out-0.destination=" + TallyFoldRateTest.SUMMARIES_TOPIC,
        // and internal topics of its own: they take the partitions of this input, not ArticleRated's
        "spring.cloud.stream.kafka.streams.binder.functions.tally.application-id=rating-service-fold-rate-tally"})
class TallyFoldRateTest extends RatingServiceTestSupport {

    /*
     * The tally alone, on topics of its own: the 120,000 votes and their summaries never reach
     * the current votes and the totals (one MongoDB write each), whose backlog would otherwise
     * still be written while the next test class counts what it stored.
     */
    static final String VOTES_TOPIC = "fold-rate-" + Topics.ARTICLE_RATED;
    static final String SUMMARIES_TOPIC = "fold-rate-" + Topics.ARTICLE_RATING_SUMMARY;

    private static final int VOTES = 100_000;
    private static final int WINDOW = 10_000;
    private static final int WARM_UP = 20_000;

    @Test
    void foldsTheLastTenThousandVotesOfAnArticleAboutAsFastAsTheFirst() throws Exception {
        // warm-up: the JIT and RocksDB, on another article, so that the start is not the JVM's start
        ArticlePublished warmUp = publishedArticle("Bài khởi động " + UUID.randomUUID());
        tally().start();
        send(warmUp.articleId(), WARM_UP);
        summariesUntil(warmUp.articleId(), WARM_UP);
        tally().stop();

        ArticlePublished article = publishedArticle("Bài nhận một trăm nghìn phiếu " + UUID.randomUUID());
        send(article.articleId(), VOTES);

        long started = System.nanoTime();
        tally().start();
        List<ArticleRatingSummary> summaries = summariesUntil(article.articleId(), VOTES);
        double seconds = (System.nanoTime() - started) / 1e9;

        ArticleRatingSummary first = summaries.get(0);
        ArticleRatingSummary startEnd = summaries.stream().filter(s -> s.count() >= first.count() + WINDOW)
                .findFirst().orElseThrow();
        ArticleRatingSummary last = summaries.get(summaries.size() - 1);
        ArticleRatingSummary endStart = summaries.stream().filter(s -> s.count() <= VOTES - WINDOW)
                .reduce((a, b) -> b).orElseThrow();
        double startRate = rate(first, startEnd);
        double endRate = rate(endStart, last);
        System.out.printf("tally fold rate: %.0f votes/s over votes %d-%d, %.0f votes/s over votes %d-%d"
                        + " (%d summaries; %d votes in %.1f s from the start of the tally)%n",
                startRate, first.count(), startEnd.count(), endRate, endStart.count(), last.count(),
                summaries.size(), VOTES, seconds);

        StringBuilder bands = new StringBuilder("tally fold rate per band of about 10,000 votes:");
        ArticleRatingSummary from = first;
        for (ArticleRatingSummary summary : summaries) {
            if (summary.count() - from.count() >= WINDOW || summary == last) {
                bands.append(String.format(" %d-%d: %.0f/s;", from.count(), summary.count(), rate(from, summary)));
                from = summary;
            }
        }
        System.out.println(bands);

        assertThat(last.count()).isEqualTo(VOTES);
        assertThat(last.points()).isEqualTo(3L * VOTES); // 1..5 stars, as many of each
        assertThat(endRate).as("votes/s at the end against %.0f at the start", startRate)
                .isGreaterThanOrEqualTo(startRate / 2);
    }

    /** Votes from that many new voters, 1 to 5 stars in turn, put straight into the tally's input. */
    private static void send(String articleId, int votes) throws Exception {
        Instant ratedAt = Instant.now().minusSeconds(60);
        // a producer of its own, batching: the service's is tuned for one acknowledged vote at a time
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("spring.kafka.bootstrap-servers"),
                ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024),
                new StringSerializer(), new ByteArraySerializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (int i = 0; i < votes; i++) {
                ProducerRecord<String, byte[]> vote = EventRecords.of(new ArticleRated(UUID.randomUUID(), articleId,
                        "fold-voter-" + UUID.randomUUID(), 1 + i % 5, null, ratedAt.plusMillis(i % 1000)), articleId);
                sent.add(producer.send(new ProducerRecord<>(VOTES_TOPIC, null, vote.key(), vote.value(), vote.headers())));
            }
            for (Future<RecordMetadata> each : sent) {
                each.get();
            }
        }
    }

    private static double rate(ArticleRatingSummary from, ArticleRatingSummary to) {
        double seconds = Duration.between(from.updatedAt(), to.updatedAt()).toNanos() / 1e9;
        return (to.count() - from.count()) / Math.max(seconds, 1e-3);
    }

    /** Every summary of the article, in the order written, until one counts {@code votes}. */
    private List<ArticleRatingSummary> summariesUntil(String articleId, long votes) {
        List<ArticleRatingSummary> summaries = new ArrayList<>();
        try (Consumer<String, byte[]> consumer = consumers.createConsumer("fold-" + UUID.randomUUID(), null)) {
            consumer.subscribe(List.of(SUMMARIES_TOPIC));
            await().atMost(Duration.ofMinutes(5)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (articleId.equals(record.key())) {
                        summaries.add(JSON.readValue(record.value(), ArticleRatingSummary.class));
                    }
                }
                return !summaries.isEmpty() && summaries.get(summaries.size() - 1).count() >= votes;
            });
        }
        return summaries;
    }
}
