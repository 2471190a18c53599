package vn.portal.article.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;
import vn.portal.article.history.RevisionHistory;
import vn.portal.article.ingest.ArticleIngest;
import vn.portal.article.ingest.Outcome;
import vn.portal.article.read.Article;
import vn.portal.platform.events.InvalidEventException;

/**
 * Drops the read model (the {@code articles} and {@code revisions} collections) and replays
 * {@code ArticlePublished} and {@code ArticleUnpublished} from the beginning through the same
 * ingest code as the listeners.
 *
 * <p>How, and why this way: the two listener containers of this instance are stopped (so nothing
 * writes while the collections are emptied), then a <em>separate replay consumer</em> without a
 * consumer group (manual {@code assign}, {@code seekToBeginning}, no commits) reads every partition
 * up to the end offsets it found when it started, and the containers are started again. They go
 * on from their group's committed offsets, so they re-deliver whatever arrived during the replay;
 * ingest is idempotent by revision, so those are harmless duplicates. Resetting the group's offsets
 * instead ({@code Admin.alterConsumerGroupOffsets}) would need the group to be empty — every other
 * instance stopped — and would make the answer asynchronous. Records that were dead-lettered
 * the first time are skipped, not dead-lettered again. The slug registry is kept (URLs handed out
 * do not change), and so are drafts and rating totals, which do not come from these topics.
 *
 * <p>Other instances keep consuming during a rebuild; their writes interleave with the replay, and
 * since every write is "apply if newer", the result is the same.
 */
@Component
class ReadModelRebuild {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(30);

    private final KafkaListenerEndpointRegistry listeners;
    private final ConsumerFactory<String, byte[]> consumers;
    private final MongoTemplate mongo;
    private final RevisionHistory history;
    private final ArticleIngest ingest;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();

    ReadModelRebuild(KafkaListenerEndpointRegistry listeners, ConsumerFactory<String, byte[]> consumers,
                     MongoTemplate mongo, RevisionHistory history, ArticleIngest ingest, Clock clock) {
        this.listeners = listeners;
        this.consumers = consumers;
        this.mongo = mongo;
        this.history = history;
        this.ingest = ingest;
        this.clock = clock;
    }

    /**
     * @param records  how many records were replayed
     * @param outcomes how many of them had each outcome ("dead-lettered": invalid, skipped again)
     */
    record Report(long records, Map<Outcome, Long> outcomes, long articles, Duration took) {
    }

    static class AlreadyRunning extends RuntimeException {
        AlreadyRunning() {
            super("a rebuild is running");
        }
    }

    Report rebuild() {
        if (!running.compareAndSet(false, true)) {
            throw new AlreadyRunning();
        }
        Instant started = clock.instant();
        List<MessageListenerContainer> containers = new ArrayList<>();
        try {
            for (String id : List.of(ArticleIngest.PUBLISHED_LISTENER, ArticleIngest.UNPUBLISHED_LISTENER)) {
                MessageListenerContainer container = listeners.getListenerContainer(id);
                if (container != null && container.isRunning()) {
                    container.stop(); // returns once its consumer has stopped
                    containers.add(container);
                }
            }
            mongo.remove(new Query(), Article.class);
            history.clear();
            Report report = replay(started);
            log.info("read model rebuilt: {}", report);
            return report;
        } finally {
            containers.forEach(MessageListenerContainer::start);
            running.set(false);
        }
    }

    private Report replay(Instant started) {
        Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
        long records = 0;
        // a throwaway group id that is never committed to: this consumer only assigns and seeks
        try (Consumer<String, byte[]> consumer = consumers.createConsumer("article-service-rebuild-" + UUID.randomUUID(),
                "rebuild", null)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : ArticleIngest.TOPICS) {
                for (PartitionInfo partition : consumer.partitionsFor(topic)) {
                    partitions.add(new TopicPartition(topic, partition.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Instant deadline = started.plus(GIVE_UP_AFTER);
            while (!caughtUp(consumer, end)) {
                if (clock.instant().isAfter(deadline)) {
                    throw new IllegalStateException("the replay did not catch up in " + GIVE_UP_AFTER);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    Long last = end.get(new TopicPartition(record.topic(), record.partition()));
                    if (record.offset() >= last) {
                        continue; // arrived after the replay began: the listeners will take it
                    }
                    records++;
                    Outcome outcome;
                    try {
                        outcome = ingest.handle(record);
                    } catch (InvalidEventException e) {
                        outcome = Outcome.DEAD_LETTERED; // it went to the dead letter topic the first time
                    }
                    outcomes.merge(outcome, 1L, Long::sum);
                }
            }
        }
        return new Report(records, outcomes, mongo.count(new Query(), Article.class),
                Duration.between(started, clock.instant()));
    }

    private static boolean caughtUp(Consumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }
}
