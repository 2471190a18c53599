package vn.portal.devstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real Apache Kafka broker (KRaft, broker and controller in one node) in this JVM. The log
 * directory is formatted once; a later start on the same directory keeps every topic and offset.
 */
public final class KafkaBroker implements AutoCloseable {

    private final KafkaRaftServer server;
    private final String bootstrapServers;

    private KafkaBroker(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    /** Starts a broker on the given ports, storing its log in {@code logDir}. */
    public static KafkaBroker start(Path logDir, int port, int controllerPort) {
        try {
            Files.createDirectories(logDir);
            Properties props = new Properties();
            props.put("process.roles", "broker,controller");
            props.put("node.id", "1");
            props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
            props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
            props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
            props.put("controller.listener.names", "CONTROLLER");
            props.put("inter.broker.listener.name", "PLAINTEXT");
            props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            props.put("log.dirs", logDir.toAbsolutePath().toString());
            props.put("num.partitions", "3");
            props.put("auto.create.topics.enable", "true");
            props.put("offsets.topic.replication.factor", "1");
            props.put("offsets.topic.num.partitions", "5");
            props.put("transaction.state.log.replication.factor", "1");
            props.put("transaction.state.log.min.isr", "1");
            props.put("share.coordinator.state.topic.replication.factor", "1");
            props.put("share.coordinator.state.topic.min.isr", "1");
            props.put("group.initial.rebalance.delay.ms", "0");
            props.put("log.flush.interval.messages", "1");
            Path config = logDir.resolve("server.properties");
            try (var out = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
                props.store(out, "written by devstack");
            }
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                format(config); // once: a formatted log dir keeps its cluster id
            }
            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            server.startup();
            return new KafkaBroker(server, "127.0.0.1:" + port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a broker on free ports in a fresh temporary directory. */
    public static KafkaBroker startTemporary() {
        try {
            Path dir = Files.createTempDirectory("devstack-kafka");
            dir.toFile().deleteOnExit();
            return start(dir, FreePorts.next(), FreePorts.next());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void format(Path config) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int status = StorageTool.execute(new String[] {"format", "-t", Uuid.randomUuid().toString(),
                "-c", config.toString()}, new PrintStream(output, true, StandardCharsets.UTF_8));
        if (status != 0) {
            throw new IllegalStateException("formatting the Kafka log dir failed: " + output.toString(StandardCharsets.UTF_8));
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
