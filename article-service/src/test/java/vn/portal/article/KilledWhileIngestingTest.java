package vn.portal.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.portal.contracts.ArticlePublished;
import vn.portal.contracts.ArticleUnpublished;
import vn.portal.contracts.Topics;
import vn.portal.devstack.Articles;
import vn.portal.devstack.ChildJvm;
import vn.portal.devstack.DevIssuer;
import vn.portal.devstack.EventRecords;
import vn.portal.devstack.KafkaBroker;
import vn.portal.devstack.MongoWireServer;
import vn.portal.platform.events.PlatformTopics;
import vn.portal.platform.slug.Slugs;

/**
 * R1 (docs/reliability.md): article-service, in a JVM of its own, is killed with SIGKILL while it
 * ingests the events of {@link #ARTICLES} articles (every article published, a tenth of them
 * corrected, a tenth withdrawn: 1.2 events an article), halfway, then started again. Afterwards each
 * article is at its latest revision,
 * none missing, none twice (one document and one slug each, the slug it had the first time), and the
 * read model equals a replay of the topics. A broker and a MongoDB-wire server of its own: no other
 * test's consumers or documents in the way, and nothing of this one in theirs.
 */
class KilledWhileIngestingTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /**
     * 10,000 in the scenario ({@code -Dr1.articles=10000}: about 4 minutes here, the
     * MongoDB-wire server ingests about 60 events a second); 2,000 by default, so that the build
     * stays short. The kill and the restart are the same at either size.
     */
    private static final int ARTICLES = Integer.getInteger("r1.articles", 2_000);
    /** For a start and for catching up: a minute, and a second per 20 articles (60 events a second ingested here). */
    private static final Duration WAIT = Duration.ofSeconds(60 + ARTICLES / 20);
    /**
     * A killed consumer says no goodbye: the broker gives its partitions to the restarted one only
     * when its session times out, 45 s by default. The broker's minimum, 6 s, keeps the test short;
     * the wait is the same in kind.
     */
    private static final String[] ARGUMENTS = {"--spring.kafka.consumer.properties.session.timeout.ms=6000",
            "--spring.kafka.consumer.properties.heartbeat.interval.ms=1000"};

    private static KafkaBroker kafka;
    private static MongoWireServer mongoServer;
    private static MongoClient mongo;
    private static int sent;

    @BeforeAll
    static void startInfrastructure() throws Exception {
        kafka = KafkaBroker.startTemporary();
        mongoServer = MongoWireServer.inMemory();
        mongo = MongoClients.create(mongoServer.connectionString());
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.createTopics(PlatformTopics.all(3, (short) 1)).all().get(30, TimeUnit.SECONDS);
        }
    }

    @AfterAll
    static void stopInfrastructure() {
        if (mongo != null) {
            mongo.close();
        }
        if (mongoServer != null) {
            mongoServer.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void keepsEveryArticleAtItsLatestRevisionOnceAfterASigkillInTheMiddleOfIngesting() throws Exception {
        Map<String, Expected> expected = sendTheEvents();
        MongoCollection<Document> articles = mongo.getDatabase("articles").getCollection("articles");
        Path logs = Path.of("target", "r1");
        org.springframework.util.FileSystemUtils.deleteRecursively(logs);

        long started = System.nanoTime();
        long appliedAtKill;
        try (ChildJvm first = ChildJvm.start(ArticleServiceApplication.class.getName(), environment(),
                logs.resolve("article-service-1.log"), ARGUMENTS)) {
            appliedAtKill = awaitCount(articles, first, ARTICLES / 2);
            first.kill(); // mid-stream: no shutdown, no commit of what it has done since its last one
            appliedAtKill = articles.estimatedDocumentCount();
        }
        assertThat(appliedAtKill).as("killed in the middle of ingesting").isBetween(1L, (long) ARTICLES - 1);
        long killedAfter = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        Map<String, Expected> caughtUp;
        try (ChildJvm second = ChildJvm.start(ArticleServiceApplication.class.getName(), environment(),
                logs.resolve("article-service-2.log"), ARGUMENTS)) {
            Instant deadline = Instant.now().plus(WAIT);
            do {
                Thread.sleep(200); // reading the read model until it has caught up; nothing else to wait on
                assertThat(second.alive()).as("the restarted service runs").isTrue();
                // the cheap count first: reading every document competes with the service for the server
                caughtUp = articles.estimatedDocumentCount() < ARTICLES ? Map.of() : stored(articles);
            } while (!caughtUp.equals(expected) && Instant.now().isBefore(deadline));
            Map<String, Expected> stored = caughtUp;
            long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            String log = second.log();
            long redelivered = count(log, ": duplicate");

            Map<String, Expected> replay = replayTheTopics();
            long missing = expected.keySet().stream().filter(id -> !stored.containsKey(id)).count();
            long wrong = expected.entrySet().stream()
                    .filter(e -> stored.containsKey(e.getKey()) && !stored.get(e.getKey()).equals(e.getValue())).count();
            long documents = articles.countDocuments();
            long distinctSlugs = articles.distinct("slug", String.class).into(new ArrayList<>()).size();
            System.out.printf("[R1] article-service: sent %d events for %d articles, killed (SIGKILL) after %d ms with %d "
                            + "articles stored, restarted; stored %d articles (%d distinct slugs), at their latest revision %d, "
                            + "missing %d, wrong %d, duplicated %d, redelivered after the restart %d (applied once); "
                            + "equal to a replay of the topics: %s; %d ms from the first start to the last article%n",
                    sent, ARTICLES, killedAfter, appliedAtKill,
                    documents, distinctSlugs, ARTICLES - missing - wrong, missing, wrong, documents - ARTICLES + missing,
                    redelivered, replay.equals(stored), took);

            assertThat(missing).as("articles missing").isZero();
            assertThat(wrong).as("articles not at their latest revision").isZero();
            assertThat(documents).as("one document per article").isEqualTo(ARTICLES);
            assertThat(distinctSlugs).as("one slug per article, none taken twice").isEqualTo(ARTICLES);
            assertThat(stored).isEqualTo(replay).isEqualTo(expected);
        }
    }

    /**
     * Every article revision 1; every tenth (from the first) corrected as revision 2, every tenth from
     * the second withdrawn as revision 2. In rounds, so the kill finds all kinds still to come.
     */
    private static Map<String, Expected> sendTheEvents() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        Map<String, Expected> expected = new HashMap<>();
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        List<ArticlePublished> firsts = new ArrayList<>();
        for (int i = 0; i < ARTICLES; i++) {
            ArticlePublished article = Articles.article("Bài R1 " + run + " số " + i);
            firsts.add(article);
            records.add(EventRecords.of(article, article.articleId()));
            expected.put(article.articleId(), new Expected(1, "PUBLISHED", article.title(), Slugs.of(article.title())));
        }
        for (int i = 0; i < ARTICLES; i++) {
            ArticlePublished first = firsts.get(i);
            if (i % 10 == 0) {
                ArticlePublished corrected = Articles.revision(first, 2, first.title() + " (đã đính chính)",
                        "Sửa tên nhân vật");
                records.add(EventRecords.of(corrected, first.articleId()));
                expected.put(first.articleId(), new Expected(2, "PUBLISHED", corrected.title(), Slugs.of(first.title())));
            } else if (i % 10 == 1) {
                records.add(EventRecords.of(new ArticleUnpublished(first.articleId(), 2, Instant.now(), "Gỡ theo yêu cầu"),
                        first.articleId()));
                expected.put(first.articleId(), new Expected(2, "UNPUBLISHED", null, Slugs.of(first.title())));
            }
        }
        sent = records.size();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 20), new StringSerializer(), new ByteArraySerializer())) {
            List<Future<?>> acks = new ArrayList<>();
            for (ProducerRecord<String, byte[]> record : records) {
                acks.add(producer.send(record));
            }
            for (Future<?> ack : acks) {
                ack.get();
            }
        }
        return expected;
    }

    /** The state of each article as the service's read model shows it. */
    private static Map<String, Expected> stored(MongoCollection<Document> articles) {
        Map<String, Expected> stored = new HashMap<>();
        for (Document article : articles.find().projection(Projections.include("revision", "status", "title", "slug"))) {
            long revision = ((Number) article.get("revision")).longValue();
            stored.put(article.getString("_id"), new Expected(revision, article.getString("status"),
                    article.getString("title"), article.getString("slug")));
        }
        return stored;
    }

    /** The read model a replay of both topics from the beginning gives: the latest revision per article wins. */
    private static Map<String, Expected> replayTheTopics() {
        Map<String, Expected> replay = new HashMap<>();
        Map<String, String> firstSlugs = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
                kafka.bootstrapServers(), "max.poll.records", 2000), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Topics.ARTICLE_PUBLISHED, Topics.ARTICLE_UNPUBLISHED)) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            for (ConsumerRecord<String, byte[]> record : records) {
                JsonNode event = JSON.readTree(record.value());
                if (record.topic().equals(Topics.ARTICLE_PUBLISHED) && event.get("revision").asLong() == 1) {
                    firstSlugs.put(event.get("articleId").asString(), Slugs.of(event.get("title").asString()));
                }
            }
            for (ConsumerRecord<String, byte[]> record : records) {
                JsonNode event = JSON.readTree(record.value());
                String id = event.get("articleId").asString();
                long revision = event.get("revision").asLong();
                Expected current = replay.get(id);
                if (current != null && current.revision() >= revision) {
                    continue;
                }
                boolean published = record.topic().equals(Topics.ARTICLE_PUBLISHED);
                replay.put(id, new Expected(revision, published ? "PUBLISHED" : "UNPUBLISHED",
                        published ? event.get("title").asString() : null, firstSlugs.get(id)));
            }
        }
        return replay;
    }

    /** Waits until the read model holds {@code count} articles; fails if the child dies first. */
    private static long awaitCount(MongoCollection<Document> articles, ChildJvm child, long count) throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        long stored;
        while ((stored = articles.estimatedDocumentCount()) < count) {
            assertThat(child.alive()).as("article-service started (log in target/r1)").isTrue();
            assertThat(Instant.now()).as("article-service ingesting within " + WAIT).isBefore(deadline);
            Thread.sleep(50);
        }
        return stored;
    }

    private static Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("SPRING_PROFILES_ACTIVE", "dev");
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("MONGODB_URI", mongoServer.connectionString());
        env.put("ARTICLE_SERVICE_PORT", "0");
        env.put("MANAGEMENT_SERVER_PORT", "0");
        env.put("JWT_PUBLIC_KEY_LOCATION", DevIssuer.forTests().publicKeyLocation());
        return env;
    }

    private static long count(String text, String what) {
        long n = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + what.length())) {
            n++;
        }
        return n;
    }

    /** One article as the read model holds it. */
    record Expected(long revision, String status, String title, String slug) {
    }
}
