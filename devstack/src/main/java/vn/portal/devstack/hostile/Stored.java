package vn.portal.devstack.hostile;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * What a service has stored: the number of documents in each of its collections and the end
 * offset of each topic partition on its broker. Two snapshots around a hostile run must be equal.
 */
public record Stored(Map<String, Long> counts) {

    public static Stored snapshot(MongoTemplate mongo, String bootstrapServers) {
        Map<String, Long> counts = new TreeMap<>();
        for (String collection : mongo.getCollectionNames()) {
            counts.put("mongodb " + collection, mongo.getCollection(collection).countDocuments(new Document()));
        }
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.listTopics().forEach((topic, partitions) -> partitions.forEach(partition -> {
                TopicPartition key = new TopicPartition(topic, partition.partition());
                if (!topic.startsWith("__")) { // the broker's own (offsets, transactions)
                    counts.put("kafka " + key, consumer.endOffsets(java.util.List.of(key)).get(key));
                }
            }));
        }
        return new Stored(counts);
    }

    /**
     * A snapshot once nothing grows any more: two snapshots {@code quiet} apart are equal. A
     * service's consumers may still be working through what earlier tests on the same broker
     * produced (a tally catching up writes its changelogs and summaries); a hostile run must start
     * from a still state, or its "nothing stored" compares the backlog.
     */
    public static Stored settled(MongoTemplate mongo, String bootstrapServers, Duration quiet, Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        Stored last = snapshot(mongo, bootstrapServers);
        while (true) {
            sleep(quiet);
            Stored next = snapshot(mongo, bootstrapServers);
            if (next.equals(last)) {
                return next;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("still growing after " + atMost + ": " + last.grownIn(next));
            }
            last = next;
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What grew or appeared between this snapshot and {@code later}, e.g. {@code {mongodb drafts=+1}}. */
    public Map<String, Long> grownIn(Stored later) {
        Map<String, Long> grown = new TreeMap<>();
        later.counts.forEach((what, count) -> {
            long before = counts.getOrDefault(what, 0L);
            if (count != before) {
                grown.put(what, count - before);
            }
        });
        return grown;
    }
}
