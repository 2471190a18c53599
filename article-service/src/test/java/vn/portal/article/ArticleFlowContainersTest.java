package vn.portal.article;

import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/** The same article flow on real MongoDB and Kafka images; skipped where no Docker engine runs. */
@Testcontainers(disabledWithoutDocker = true)
class ArticleFlowContainersTest extends ArticleFlowContract {

    @Container
    @ServiceConnection
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");

    @Container
    @ServiceConnection
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.1");

    /** The Stream binder reads its brokers from spring.kafka.bootstrap-servers, not from the service connection. */
    @DynamicPropertySource
    static void binderBrokers(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", KAFKA::getBootstrapServers);
    }
}
