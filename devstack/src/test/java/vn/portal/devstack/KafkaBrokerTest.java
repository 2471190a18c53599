package vn.portal.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerTest {

    @Test
    void aRestartedBrokerAndMongoServerKeepTheirData(@TempDir Path dir) throws Exception {
        int port = FreePorts.next();
        int controllerPort = FreePorts.next();
        int mongoPort = FreePorts.next();

        try (KafkaBroker broker = KafkaBroker.start(dir.resolve("kafka"), port, controllerPort);
             MongoWireServer mongo = MongoWireServer.file(dir.resolve("mongo.mv"), mongoPort)) {
            produce(broker.bootstrapServers(), "Tổng số điểm");
            try (MongoClient client = MongoClients.create(mongo.connectionString())) {
                client.getDatabase("devstack").getCollection("notes").insertOne(new Document("text", "Thư viện ảnh"));
            }
        }

        try (KafkaBroker broker = KafkaBroker.start(dir.resolve("kafka"), port, controllerPort);
             MongoWireServer mongo = MongoWireServer.file(dir.resolve("mongo.mv"), mongoPort)) {
            assertThat(consumeAll(broker.bootstrapServers())).containsExactly("Tổng số điểm");
            try (MongoClient client = MongoClients.create(mongo.connectionString())) {
                assertThat(client.getDatabase("devstack").getCollection("notes").find().first().getString("text"))
                        .isEqualTo("Thư viện ảnh");
            }
        }
        assertThat(Files.exists(dir.resolve("kafka/meta.properties"))).isTrue();
    }

    private static void produce(String bootstrap, String value) throws Exception {
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("devstack-check", "k", value)).get();
        }
    }

    private static List<String> consumeAll(String bootstrap) {
        List<String> values = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "check",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("devstack-check"));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (values.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
