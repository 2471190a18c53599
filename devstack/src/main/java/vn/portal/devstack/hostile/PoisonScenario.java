package vn.portal.devstack.hostile;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.portal.contracts.EventType;
import vn.portal.contracts.Topics;
import vn.portal.devstack.EventRecords;

/**
 * R4 of {@code docs/reliability.md}: poison events interleaved with valid ones on every topic a
 * service consumes, black-box. A plain Kafka producer writes, on every partition of each topic, a
 * valid event, then each kind of poison ({@link Kind}) with a valid event after it; what the
 * service did is read back only through what it shows (the caller's {@code applied} check: its
 * HTTP API or its MongoDB read model) and through a plain consumer of {@code <topic>.DLT}.
 *
 * <p>Must hold: every poison record is in {@code <topic>.DLT} with its original bytes and a
 * {@code dlt-reason} header, and nothing of it is applied; every valid record is applied and
 * promptly (the partition never stalls behind a poison record); no valid record is dead-lettered.
 * Every valid event (and the article a poison event names) is a fresh article, so that one check
 * of the read model says whether exactly that record was applied.
 */
public final class PoisonScenario {

    /** A header of the dead-lettered record: why it was refused. */
    public static final String DEAD_LETTER_REASON = "dlt-reason";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int LARGE_BYTES = 900 * 1024;

    /** The kinds of poison, each sent once on every partition of every consumed topic. */
    public enum Kind {
        /** The valid event's JSON cut in half. */
        MALFORMED_JSON,
        /** Valid JSON with the required {@code articleId} missing: fails the contract's schema. */
        SCHEMA_INVALID,
        /** A 900 KB value: the event with a field of 900 KB the schema does not allow. */
        LARGE_900_KB,
        /** A valid event under a {@code ce_type} no consumer knows. */
        UNKNOWN_CE_TYPE,
        /** A valid event without any CloudEvents header: not a CloudEvent. */
        MISSING_CE_HEADERS
    }

    private final String service;
    private final String bootstrapServers;
    private final List<TopicSpec> topics = new ArrayList<>();

    private PoisonScenario(String service, String bootstrapServers) {
        this.service = service;
        this.bootstrapServers = bootstrapServers;
    }

    public static PoisonScenario on(String service, String bootstrapServers) {
        return new PoisonScenario(service, bootstrapServers);
    }

    /**
     * One consumed topic.
     *
     * @param event   a fresh event of the type for each index (an article no other call names)
     * @param prepare what must exist before these events mean anything (the article an unpublish
     *                or a vote is about), given every event of the run that the topic carries, valid
     *                or the template of a poison record; it returns once the service shows it
     * @param applied whether the service shows this event as applied
     */
    public <T extends Record> PoisonScenario topic(EventType type, IntFunction<T> event, Consumer<List<T>> prepare,
                                                   Predicate<T> applied) {
        topics.add(new TopicSpec(type, event, prepare, applied));
        return this;
    }

    public <T extends Record> PoisonScenario topic(EventType type, IntFunction<T> event, Predicate<T> applied) {
        return topic(type, event, events -> { }, applied);
    }

    /** Sends {@code events} as an outside producer does (valid, keyed by article), and waits for the acks. */
    public void send(List<? extends Record> events) {
        try (KafkaProducer<String, byte[]> producer = producer()) {
            List<java.util.concurrent.Future<?>> acks = new ArrayList<>();
            for (Record event : events) {
                acks.add(producer.send(EventRecords.of(event, articleId(JSON.valueToTree(event)))));
            }
            for (java.util.concurrent.Future<?> ack : acks) {
                ack.get();
            }
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("sending the preparatory events failed", e);
        }
    }

    /**
     * Runs the scenario: every topic's records sent, then waits up to {@code promptly} for every
     * valid record to be applied and every poison record to be dead-lettered; prints the figures.
     */
    public Result run(Duration promptly) {
        List<Sent> valid = new ArrayList<>();
        List<Sent> poison = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (TopicSpec topic : topics) {
                topic.plan(producer, valid, poison);
            }
            Map<String, Long> dltStart = dltEnds();
            for (TopicSpec topic : topics) {
                topic.prepareAll();
            }
            Instant sendStart = Instant.now();
            for (Sent sent : interleaved(valid, poison)) {
                sent.sentAt = Instant.now();
                producer.send(sent.record).get(); // one at a time: the order on each partition is the plan's
            }
            Instant sendEnd = Instant.now();
            awaitApplied(valid, sendEnd.plus(promptly));
            Map<String, List<ConsumerRecord<String, byte[]>>> dead = deadLetters(dltStart, poison, valid,
                    sendEnd.plus(promptly));
            // the poison's own article stays untouched (checked after the valid ones had their time)
            for (Sent sent : poison) {
                if (sent.appliedCheck.getAsBoolean()) {
                    sent.applied = Instant.now();
                }
            }
            return Result.of(service, topics, valid, poison, dead, Duration.between(sendStart, sendEnd));
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("sending to the broker failed", e);
        }
    }

    /** The order of the run: on each partition valid, poison, valid, poison, ..., valid. */
    private static List<Sent> interleaved(List<Sent> valid, List<Sent> poison) {
        List<Sent> all = new ArrayList<>(valid);
        all.addAll(poison);
        all.sort(java.util.Comparator.comparingInt((Sent s) -> s.sequence));
        return all;
    }

    private void awaitApplied(List<Sent> valid, Instant deadline) throws InterruptedException {
        while (true) {
            boolean all = true;
            for (Sent sent : valid) {
                if (sent.applied == null) {
                    if (sent.appliedCheck.getAsBoolean()) {
                        sent.applied = Instant.now();
                    } else {
                        all = false;
                    }
                }
            }
            if (all || Instant.now().isAfter(deadline)) {
                return;
            }
            Thread.sleep(100); // polling what the service shows; nothing to wait on but its read side
        }
    }

    /** Every record of each DLT since the run began, by the key of the record it holds. */
    private Map<String, List<ConsumerRecord<String, byte[]>>> deadLetters(Map<String, Long> from, List<Sent> poison,
                                                                           List<Sent> valid, Instant deadline)
            throws InterruptedException {
        Map<String, List<ConsumerRecord<String, byte[]>>> byKey = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (TopicSpec topic : topics) {
                String dlt = topic.type.topic() + Topics.DEAD_LETTER_SUFFIX;
                consumer.partitionsFor(dlt).forEach(p -> partitions.add(new TopicPartition(dlt, p.partition())));
            }
            consumer.assign(partitions);
            for (TopicPartition partition : partitions) {
                consumer.seek(partition, from.getOrDefault(partition.toString(), 0L));
            }
            while (poison.stream().anyMatch(p -> !byKey.containsKey(p.record.key())) && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    byKey.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(record);
                }
            }
            // a last look for late ones, and for a valid record dead-lettered after the poison
            for (int i = 0; i < 3; i++) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    byKey.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(record);
                }
            }
        }
        return byKey;
    }

    /** The end offset of each partition of every DLT of the run, before it sends anything. */
    private Map<String, Long> dltEnds() {
        Map<String, Long> ends = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (TopicSpec topic : topics) {
                String dlt = topic.type.topic() + Topics.DEAD_LETTER_SUFFIX;
                consumer.partitionsFor(dlt).forEach(p -> partitions.add(new TopicPartition(dlt, p.partition())));
            }
            consumer.endOffsets(partitions).forEach((partition, end) -> ends.put(partition.toString(), end));
        }
        return ends;
    }

    private KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 1_048_576),
                new StringSerializer(), new ByteArraySerializer());
    }

    private KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers, "enable.auto.commit", "false",
                "isolation.level", "read_committed"), new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static String articleId(JsonNode event) {
        return event.get("articleId").asString();
    }

    /** One record the run sends, in the order of {@link #sequence}. */
    private static final class Sent {
        final EventType type;
        final Kind kind; // null: valid
        final ProducerRecord<String, byte[]> record;
        final java.util.function.BooleanSupplier appliedCheck;
        final int sequence;
        Instant sentAt;
        Instant applied;

        Sent(EventType type, Kind kind, ProducerRecord<String, byte[]> record,
             java.util.function.BooleanSupplier appliedCheck, int sequence) {
            this.type = type;
            this.kind = kind;
            this.record = record;
            this.appliedCheck = appliedCheck;
            this.sequence = sequence;
        }

        String what() {
            return type.topic() + "-" + record.partition() + " " + (kind == null ? "valid" : kind) + " key " + record.key();
        }
    }

    private final class TopicSpec {
        final EventType type;
        final IntFunction<? extends Record> event;
        final Consumer<List<Record>> prepare;
        final Predicate<Record> applied;
        final List<Record> events = new ArrayList<>();
        int validSent;
        int poisonSent;

        @SuppressWarnings("unchecked")
        <T extends Record> TopicSpec(EventType type, IntFunction<T> event, Consumer<List<T>> prepare,
                                     Predicate<T> applied) {
            this.type = type;
            this.event = event;
            this.prepare = list -> prepare.accept((List<T>) list);
            this.applied = (Predicate<Record>) applied;
        }

        void plan(KafkaProducer<String, byte[]> producer, List<Sent> valid, List<Sent> poison) {
            int partitions = producer.partitionsFor(type.topic()).size();
            int index = 0;
            for (int partition = 0; partition < partitions; partition++) {
                int sequence = partition * 100 + topics.indexOf(this) * 10_000;
                valid.add(valid(partition, event.apply(index++), sequence++));
                for (Kind kind : Kind.values()) {
                    poison.add(poison(partition, kind, event.apply(index++), sequence++));
                    valid.add(valid(partition, event.apply(index++), sequence++));
                }
            }
        }

        void prepareAll() {
            prepare.accept(events);
        }

        private Sent valid(int partition, Record event, int sequence) {
            events.add(event);
            validSent++;
            ProducerRecord<String, byte[]> template = EventRecords.of(event, articleId(JSON.valueToTree(event)));
            return new Sent(type, null, new ProducerRecord<>(type.topic(), partition, template.key(), template.value(),
                    template.headers()), () -> applied.test(event), sequence);
        }

        private Sent poison(int partition, Kind kind, Record event, int sequence) {
            events.add(event);
            poisonSent++;
            ObjectNode tree = (ObjectNode) JSON.valueToTree(event);
            // a key of its own, to find it in the DLT; the record is on the partition the plan says
            String key = "poison-" + kind.name().toLowerCase(java.util.Locale.ROOT) + "-" + UUID.randomUUID();
            byte[] validJson = JSON.writeValueAsBytes(tree);
            ProducerRecord<String, byte[]> headersOf = EventRecords.raw(type, key, validJson);
            Iterable<Header> headers = headersOf.headers();
            byte[] value = switch (kind) {
                case MALFORMED_JSON -> Arrays.copyOf(validJson, validJson.length / 2);
                case SCHEMA_INVALID -> {
                    tree.remove("articleId");
                    yield JSON.writeValueAsBytes(tree);
                }
                case LARGE_900_KB -> large(tree);
                case UNKNOWN_CE_TYPE -> {
                    RecordHeaders unknown = new RecordHeaders(headersOf.headers().toArray());
                    unknown.remove("ce_type");
                    unknown.add("ce_type", "vn.portal.article.deleted.v9".getBytes(StandardCharsets.UTF_8));
                    headers = unknown;
                    yield validJson;
                }
                case MISSING_CE_HEADERS -> {
                    headers = new RecordHeaders();
                    yield validJson;
                }
            };
            return new Sent(type, kind, new ProducerRecord<>(type.topic(), partition, key, value, headers),
                    () -> applied.test(event), sequence);
        }

        /** The event with a {@code padding} field (the schema allows no other) making the value exactly 900 KB. */
        private static byte[] large(ObjectNode tree) {
            tree.put("padding", "");
            int rest = LARGE_BYTES - JSON.writeValueAsBytes(tree).length;
            tree.put("padding", "x".repeat(rest));
            return JSON.writeValueAsBytes(tree);
        }
    }

    /** What the run found; {@link #line} is the printed figures. */
    public record Result(int sent, int applied, int deadLettered, int lost, List<String> breaches, String line) {

        static Result of(String service, List<TopicSpec> topics, List<Sent> valid, List<Sent> poison,
                         Map<String, List<ConsumerRecord<String, byte[]>>> dead, Duration sending) {
            List<String> breaches = new ArrayList<>();
            int applied = 0;
            long slowest = 0;
            for (Sent sent : valid) {
                if (sent.applied == null) {
                    breaches.add("valid record never applied: " + sent.what());
                } else {
                    applied++;
                    slowest = Math.max(slowest, Duration.between(sent.sentAt, sent.applied).toMillis());
                }
                if (dead.containsKey(sent.record.key())) {
                    breaches.add("valid record dead-lettered: " + sent.what() + ", reason "
                            + reason(dead.get(sent.record.key()).get(0)));
                }
            }
            int deadLettered = 0;
            int duplicates = 0;
            int lost = (int) valid.stream().filter(s -> s.applied == null).count();
            Map<String, String> reasons = new TreeMap<>();
            for (Sent sent : poison) {
                List<ConsumerRecord<String, byte[]>> found = dead.getOrDefault(sent.record.key(), List.of());
                if (sent.applied != null) {
                    breaches.add("poison record applied: " + sent.what());
                }
                if (found.isEmpty()) {
                    lost++;
                    breaches.add("poison record not in " + sent.type.topic() + Topics.DEAD_LETTER_SUFFIX + ": "
                            + sent.what());
                    continue;
                }
                deadLettered++;
                duplicates += found.size() - 1;
                ConsumerRecord<String, byte[]> first = found.get(0);
                if (!first.topic().equals(sent.type.topic() + Topics.DEAD_LETTER_SUFFIX)) {
                    breaches.add("dead-lettered to " + first.topic() + ": " + sent.what());
                }
                if (!Arrays.equals(first.value(), sent.record.value())) {
                    breaches.add("dead letter does not hold the original bytes: " + sent.what());
                }
                String reason = reason(first);
                if (reason == null || reason.isBlank()) {
                    breaches.add("dead letter without a " + DEAD_LETTER_REASON + " header: " + sent.what());
                } else {
                    reasons.putIfAbsent(sent.kind.name(), reason.length() > 90 ? reason.substring(0, 90) + "…" : reason);
                }
            }
            Map<String, String> perTopic = new LinkedHashMap<>();
            for (TopicSpec topic : topics) {
                perTopic.put(topic.type.topic(), topic.validSent + " valid + " + topic.poisonSent + " poison");
            }
            String line = String.format("[R4] %s: sent %d (%d valid, %d poison of %d kinds on %d topics %s), applied %d, "
                            + "dead-lettered %d (duplicates %d), lost %d; sent in %d ms, slowest valid record applied %d ms after it was sent; "
                            + "breaches %d; reasons %s",
                    service, valid.size() + poison.size(), valid.size(), poison.size(), Kind.values().length, topics.size(),
                    perTopic, applied, deadLettered, duplicates, lost, sending.toMillis(), slowest, breaches.size(), reasons);
            System.out.println(line);
            return new Result(valid.size() + poison.size(), applied, deadLettered, lost, List.copyOf(breaches), line);
        }

        private static String reason(ConsumerRecord<String, byte[]> record) {
            Header header = record.headers().lastHeader(DEAD_LETTER_REASON);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    }
}
