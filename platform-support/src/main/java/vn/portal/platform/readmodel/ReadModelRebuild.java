package vn.portal.platform.readmodel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.support.KafkaHeaderMapper;
import org.springframework.kafka.support.converter.MessagingMessageConverter;
import org.springframework.messaging.Message;
import vn.portal.platform.events.InvalidEventException;

/**
 * Rebuilds a {@link ReadModel} from its topics while every instance keeps consuming: empties its
 * documents, then reads each partition of its topics from the beginning up to the end offsets
 * taken when the rebuild began, with a consumer of its own that joins no group (it assigns the
 * partitions, seeks and never commits), and hands each record, converted by the binder's own
 * header mapper, to the read model's projection.
 *
 * <p>Why this way: rewinding the live consumer group needs every member of it stopped, which
 * fails as soon as a second instance runs. Here nobody stops: the live consumers of this and
 * every other instance go on writing what arrives meanwhile, and since every projection applies
 * only what is newer (by revision, by time), the replay and the live writes interleave to the same
 * result. Records that were dead-lettered the first time are skipped, not dead-lettered again.
 */
public class ReadModelRebuild {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(30);
    static final String INVALID = "dead-lettered";

    private final ConsumerFactory<?, ?> consumers;
    private final MongoTemplate mongo;
    private final MessagingMessageConverter converter = new MessagingMessageConverter();
    private final String application;
    private final Clock clock;
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    public ReadModelRebuild(ConsumerFactory<?, ?> consumers, MongoTemplate mongo, KafkaHeaderMapper headers,
                            String application, Clock clock) {
        this.consumers = consumers;
        this.mongo = mongo;
        this.application = application;
        this.clock = clock;
        converter.setHeaderMapper(headers);
    }

    /**
     * @param records  how many records were replayed
     * @param outcomes how many of them had each outcome ({@value #INVALID}: invalid, skipped again)
     */
    public record RebuildReport(String readModel, long records, Map<String, Long> outcomes, Map<String, Long> documents,
                         Duration took) {
    }

    /** A rebuild of this read model is already running in this instance. */
    public static class AlreadyRunning extends RuntimeException {
        AlreadyRunning(String name) {
            super("a rebuild of " + name + " is running");
        }
    }

    /** Answers when the replay has reached the end offsets taken at its start. */
    public RebuildReport rebuild(ReadModel model) {
        if (!running.add(model.name())) {
            throw new AlreadyRunning(model.name());
        }
        try {
            Instant started = clock.instant();
            model.parts().forEach(part -> mongo.remove(new Query(part.which()), part.collection()));
            Map<String, Long> outcomes = new TreeMap<>();
            long records = replay(model, started, outcomes);
            Map<String, Long> documents = new TreeMap<>();
            model.parts().forEach(part -> documents.merge(part.collection(),
                    mongo.count(new Query(part.which()), part.collection()), Long::sum));
            RebuildReport report = new RebuildReport(model.name(), records, outcomes, documents,
                    Duration.between(started, clock.instant()));
            log.info("read model rebuilt: {}", report);
            return report;
        } finally {
            running.remove(model.name());
        }
    }

    @SuppressWarnings("unchecked")
    private long replay(ReadModel model, Instant started, Map<String, Long> outcomes) {
        long records = 0;
        // a throwaway group id that is never committed to and never joined: this consumer only assigns
        try (Consumer<Object, Object> consumer = (Consumer<Object, Object>) consumers.createConsumer(
                application + "-rebuild-" + UUID.randomUUID(), "rebuild-" + model.name(), null)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : model.topics()) {
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
                    throw new IllegalStateException("the replay of " + model.name() + " did not catch up in "
                            + GIVE_UP_AFTER);
                }
                for (ConsumerRecord<Object, Object> record : consumer.poll(POLL)) {
                    if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue; // arrived after the replay began: the live consumers take it
                    }
                    records++;
                    outcomes.merge(apply(model, record), 1L, Long::sum);
                }
            }
        }
        return records;
    }

    @SuppressWarnings("unchecked")
    private String apply(ReadModel model, ConsumerRecord<Object, Object> record) {
        Message<byte[]> message = (Message<byte[]>) converter.toMessage(record, null, null, byte[].class);
        try {
            Object outcome = model.projection().apply(message);
            return outcome == null ? "applied" : outcome.toString();
        } catch (InvalidEventException e) {
            return INVALID; // it went to the dead letter topic the first time
        }
    }

    private static boolean caughtUp(Consumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }
}
