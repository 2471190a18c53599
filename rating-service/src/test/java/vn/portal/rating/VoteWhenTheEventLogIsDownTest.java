package vn.portal.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import vn.portal.contracts.ArticlePublished;
import vn.portal.devstack.Articles;
import vn.portal.devstack.EmbeddedPlatform;
import vn.portal.devstack.EventRecords;

/**
 * When Kafka does not acknowledge a vote, the reader gets 503 and nothing is stored: the service's
 * producer points at an address where no broker listens, while its consumers read the real one.
 */
@EmbeddedPlatform
@TestPropertySource(properties = {
        // the binder puts its brokers into every client's bootstrap.servers; only a binding's own
        // configuration comes after them
        "spring.cloud.stream.kafka.default.producer.configuration.bootstrap.servers=127.0.0.1:9",
        "spring.kafka.producer.properties.max.block.ms=1000",
        // nothing here needs the totals, and a tally would wait for its producer too
        "spring.cloud.stream.bindings.tally-in-0.consumer.auto-startup=false"})
class VoteWhenTheEventLogIsDownTest extends RatingServiceTestSupport {

    @Test
    void answersAVoteThatKafkaDidNotAcknowledgeWith503AndStoresNothing() throws Exception {
        ArticlePublished article = Articles.article("Bài khi Kafka không trả lời " + UUID.randomUUID());
        try (var editorial = new KafkaProducer<String, byte[]>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("spring.kafka.bootstrap-servers")),
                new StringSerializer(), new ByteArraySerializer())) {
            editorial.send(EventRecords.of(article, article.articleId())).get();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.getCollection("known_articles")
                .countDocuments(new Document("_id", article.articleId())) == 1);

        HttpResponse<String> response = vote(article.articleId(), "{\"stars\":5}", null);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(response.body()).get("type").asString()).endsWith("/event-log-unavailable");
        assertThat(mongo.getCollection("votes").countDocuments(new Document("articleId", article.articleId()))).isZero();
        assertThat(mongo.getCollection("totals").countDocuments(new Document("_id", article.articleId()))).isZero();
    }
}
