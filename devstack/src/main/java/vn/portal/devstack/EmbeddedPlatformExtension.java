package vn.portal.devstack;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the embedded broker and MongoDB-wire server once per JVM (in the root store, closed
 * when the test run ends) and points Spring at them through system properties.
 */
public class EmbeddedPlatformExtension implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        Infrastructure infrastructure = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Infrastructure.class, key -> Infrastructure.start(), Infrastructure.class);
        System.setProperty("spring.kafka.bootstrap-servers", infrastructure.kafka().bootstrapServers());
        System.setProperty("spring.mongodb.uri", infrastructure.mongo().connectionString());
    }

    /** Both servers, closed together by JUnit when the root context closes. */
    record Infrastructure(KafkaBroker kafka, MongoWireServer mongo) implements AutoCloseable {

        static Infrastructure start() {
            return new Infrastructure(KafkaBroker.startTemporary(), MongoWireServer.inMemory());
        }

        @Override
        public void close() {
            kafka.close();
            mongo.close();
        }
    }
}
