package vn.portal.rating;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import tools.jackson.databind.json.JsonMapper;
import vn.portal.contracts.Topics;
import vn.portal.platform.events.EventSchemas;
import vn.portal.platform.events.IncomingEvents;
import vn.portal.rating.summary.TallyTopology;

/**
 * The tally's topology, as rating-service binds it (the given application id, exactly_once_v2, commit
 * every 100 ms), in a JVM of its own, so that a test can kill it (SIGKILL) in the middle of its
 * work: no close, no commit, no flush of anything.
 */
final class TallyInAChildJvm implements AutoCloseable {

    private final Process process;
    private final Path log;

    private TallyInAChildJvm(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static TallyInAChildJvm start(String applicationId, String bootstrapServers, Path stateDir, Path log)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-Xmx256m",
                "-Dlogback.configurationFile=" + TallyInAChildJvm.class.getResource("/tally-child-logback.xml"),
                "-cp", System.getProperty("java.class.path"),
                TallyInAChildJvm.class.getName(), applicationId, bootstrapServers, stateDir.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return new TallyInAChildJvm(process, log);
    }

    /** Whether the child has said that its Kafka Streams instance is RUNNING. */
    boolean running() throws IOException {
        return java.nio.file.Files.readString(log).contains("tally state RUNNING");
    }

    boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL, and wait until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    public static void main(String[] args) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, args[0]);
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, args[1]);
        config.put(StreamsConfig.STATE_DIR_CONFIG, args[2]);
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        // a killed member leaves no goodbye: let the broker notice within seconds (its minimum)
        config.put(StreamsConfig.consumerPrefix("session.timeout.ms"), 6000);
        JsonMapper json = JsonMapper.builder().build();
        EventSchemas schemas = new EventSchemas();
        TallyTopology tally = new TallyTopology(new IncomingEvents(json, schemas), schemas, json,
                new SimpleMeterRegistry(), Clock.systemUTC(), "/vn-portal/rating-service");
        StreamsBuilder builder = new StreamsBuilder();
        tally.apply(builder.stream(Topics.ARTICLE_RATED, Consumed.with(Serdes.String(), Serdes.ByteArray())))
                .to(Topics.ARTICLE_RATING_SUMMARY, Produced.with(Serdes.String(), Serdes.ByteArray()));
        KafkaStreams streams = new KafkaStreams(builder.build(), config);
        streams.setStateListener((now, before) -> System.out.println("tally state " + now));
        streams.start();
    }
}
