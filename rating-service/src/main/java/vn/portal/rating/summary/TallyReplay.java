package vn.portal.rating.summary;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;
import vn.portal.contracts.Topics;
import vn.portal.rating.vote.Vote;

/**
 * Rebuilds votes and totals from the log: stops the tally, rewinds its consumer group to the
 * start of ArticleRated, drops its read model and starts it again. Because the tally is
 * idempotent, the totals come out the same as before. The rewind needs every member of the group
 * stopped: with several instances, stop the others' tallies first (or scale to one); otherwise it
 * fails after 30 s and nothing has been dropped.
 */
@Component
class TallyReplay {

    private static final Logger log = LoggerFactory.getLogger(TallyReplay.class);

    private final KafkaListenerEndpointRegistry listeners;
    private final KafkaAdmin kafkaAdmin;
    private final MongoTemplate mongo;

    TallyReplay(KafkaListenerEndpointRegistry listeners, KafkaAdmin kafkaAdmin, MongoTemplate mongo) {
        this.listeners = listeners;
        this.kafkaAdmin = kafkaAdmin;
        this.mongo = mongo;
    }

    /** Returns how many records the tally will read again. */
    synchronized long replayFromTheBeginning() throws InterruptedException, ExecutionException, TimeoutException {
        MessageListenerContainer tally = listeners.getListenerContainer(VoteTally.LISTENER);
        tally.stop();
        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
            Map<TopicPartition, OffsetSpec> partitions = admin.describeTopics(java.util.List.of(Topics.ARTICLE_RATED))
                    .allTopicNames().get(30, TimeUnit.SECONDS).get(Topics.ARTICLE_RATED).partitions().stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(Topics.ARTICLE_RATED, p.partition()),
                            p -> OffsetSpec.earliest()));
            Map<TopicPartition, OffsetAndMetadata> earliest = admin.listOffsets(partitions).all().get(30, TimeUnit.SECONDS)
                    .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                            e -> new OffsetAndMetadata(e.getValue().offset())));
            long records = admin.listOffsets(partitions.keySet().stream()
                            .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get(30, TimeUnit.SECONDS)
                    .entrySet().stream().mapToLong(e -> e.getValue().offset() - earliest.get(e.getKey()).offset()).sum();
            // rewind first: with another instance still in the group this fails and nothing is dropped
            alterWhenTheGroupIsEmpty(admin, earliest);
            mongo.dropCollection(Vote.class);
            mongo.dropCollection(RatingTotals.class);
            log.info("replaying {} ArticleRated records into fresh votes and totals", records);
            return records;
        } finally {
            tally.start();
        }
    }

    /** The group must have no members; right after the stop the broker may not know that yet. */
    private static void alterWhenTheGroupIsEmpty(Admin admin, Map<TopicPartition, OffsetAndMetadata> offsets)
            throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                admin.alterConsumerGroupOffsets(VoteTally.GROUP, offsets).all().get(30, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }
}
