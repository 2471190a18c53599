package vn.portal.rating.summary;

import java.time.Duration;
import java.util.List;
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
import vn.portal.rating.vote.CurrentVotes;
import vn.portal.rating.vote.Vote;

/**
 * Rebuilds rating-service's read models from the log: the totals from the compacted
 * ArticleRatingSummary topic (the tally's output, one record per article once compacted) and the
 * current votes from ArticleRated. Each consumer is stopped, its group rewound to the start of its
 * topic, its collection dropped, and started again; both are idempotent, so the read models come
 * out as before. The tally itself (Kafka Streams) keeps its state in its changelog topics and is
 * not touched. The rewind needs every member of a group stopped: with several instances, stop the
 * others first (or scale to one); otherwise it fails after 30 s and nothing has been dropped.
 */
@Component
class ReadModelReplay {

    private static final Logger log = LoggerFactory.getLogger(ReadModelReplay.class);

    private record ReadModel(String listener, String group, String topic, Class<?> collection) {
    }

    private static final List<ReadModel> READ_MODELS = List.of(
            new ReadModel(TotalsProjection.LISTENER, TotalsProjection.GROUP, Topics.ARTICLE_RATING_SUMMARY,
                    RatingTotals.class),
            new ReadModel(CurrentVotes.LISTENER, CurrentVotes.GROUP, Topics.ARTICLE_RATED, Vote.class));

    private final KafkaListenerEndpointRegistry listeners;
    private final KafkaAdmin kafkaAdmin;
    private final MongoTemplate mongo;

    ReadModelReplay(KafkaListenerEndpointRegistry listeners, KafkaAdmin kafkaAdmin, MongoTemplate mongo) {
        this.listeners = listeners;
        this.kafkaAdmin = kafkaAdmin;
        this.mongo = mongo;
    }

    /** Returns how many records the consumers will read again. */
    synchronized long replayFromTheBeginning() throws InterruptedException, ExecutionException, TimeoutException {
        long records = 0;
        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
            for (ReadModel model : READ_MODELS) {
                records += replay(admin, model);
            }
        }
        return records;
    }

    private long replay(Admin admin, ReadModel model)
            throws InterruptedException, ExecutionException, TimeoutException {
        MessageListenerContainer container = listeners.getListenerContainer(model.listener());
        container.stop();
        try {
            Map<TopicPartition, OffsetSpec> partitions = admin.describeTopics(List.of(model.topic()))
                    .allTopicNames().get(30, TimeUnit.SECONDS).get(model.topic()).partitions().stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(model.topic(), p.partition()),
                            p -> OffsetSpec.earliest()));
            Map<TopicPartition, OffsetAndMetadata> earliest = admin.listOffsets(partitions).all().get(30, TimeUnit.SECONDS)
                    .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                            e -> new OffsetAndMetadata(e.getValue().offset())));
            long records = admin.listOffsets(partitions.keySet().stream()
                            .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get(30, TimeUnit.SECONDS)
                    .entrySet().stream().mapToLong(e -> e.getValue().offset() - earliest.get(e.getKey()).offset()).sum();
            // rewind first: with another instance still in the group this fails and nothing is dropped
            alterWhenTheGroupIsEmpty(admin, model.group(), earliest);
            mongo.dropCollection(model.collection());
            log.info("replaying {} {} records into a fresh {}", records, model.topic(),
                    mongo.getCollectionName(model.collection()));
            return records;
        } finally {
            container.start();
        }
    }

    /** The group must have no members; right after the stop the broker may not know that yet. */
    private static void alterWhenTheGroupIsEmpty(Admin admin, String group, Map<TopicPartition, OffsetAndMetadata> offsets)
            throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                admin.alterConsumerGroupOffsets(group, offsets).all().get(30, TimeUnit.SECONDS);
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
