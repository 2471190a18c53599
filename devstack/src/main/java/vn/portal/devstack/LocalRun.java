package vn.portal.devstack;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import vn.portal.platform.events.PlatformTopics;

/**
 * The one-command local run: a real Kafka broker and the MongoDB-wire server in this JVM (data in
 * {@code .devstack-data/}, kept across restarts), the three services and the gateway as child
 * JVMs, then the seed article published through Kafka as an editorial system would. Ctrl-C
 * stops everything.
 */
public final class LocalRun {

    static final int GATEWAY_PORT = 8080;
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(180);

    private final Path root;
    private final Path data;
    private final int kafkaPort = intEnv("DEVSTACK_KAFKA_PORT", 9092);
    private final int controllerPort = intEnv("DEVSTACK_KAFKA_CONTROLLER_PORT", 9093);
    private final int mongoPort = intEnv("DEVSTACK_MONGODB_PORT", 27017);
    private final List<Service> services = new ArrayList<>();
    private KafkaBroker kafka;
    private MongoWireServer mongo;

    record Service(String name, int port, Process process, Path log) {
    }

    private LocalRun(Path root) {
        this.root = root;
        this.data = root.resolve(".devstack-data");
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("logback.configurationFile", "devstack-logback.xml");
        LocalRun run = new LocalRun(Path.of(System.getProperty("devstack.root", ".")).toAbsolutePath().normalize());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            run.stop();
            stopped.countDown();
        }, "devstack-stop"));
        try {
            run.start();
        } catch (Exception e) {
            System.err.println("\nThe local run could not start: " + e.getMessage());
            System.exit(1);
        }
        stopped.await();
    }

    private void start() throws Exception {
        long started = System.nanoTime();
        Files.createDirectories(data.resolve("logs"));
        say("Starting Kafka (KRaft) on 127.0.0.1:%d and the MongoDB-wire server on 127.0.0.1:%d; data in %s",
                kafkaPort, mongoPort, root.relativize(data));
        mongo = MongoWireServer.file(data.resolve("mongodb/portal.mv"), mongoPort);
        kafka = KafkaBroker.start(data.resolve("kafka"), kafkaPort, controllerPort);
        createTopics();

        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("MONGODB_URI", mongo.connectionString());
        launch("article-service", 8081, env);
        launch("rating-service", 8082, env);
        launch("media-service", 8083, env);
        env.put("ARTICLE_SERVICE_URL", "http://127.0.0.1:8081");
        env.put("RATING_SERVICE_URL", "http://127.0.0.1:8082");
        env.put("MEDIA_SERVICE_URL", "http://127.0.0.1:8083");
        launch("gateway", GATEWAY_PORT, env);
        for (Service service : services) {
            awaitHealthy(service);
        }

        String slug = new SeedPublisher("http://127.0.0.1:" + GATEWAY_PORT, kafka.bootstrapServers()).publish();
        say("");
        say("Up in %d s. The seed article, through the gateway:", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
        say("  http://localhost:%d/api/articles/%s", GATEWAY_PORT, slug);
        say("");
        say("  gateway          http://localhost:%d   (/api/**)", GATEWAY_PORT);
        say("  article-service  http://localhost:8081   rating-service http://localhost:8082   media-service http://localhost:8083");
        say("  Kafka            %s   e.g. kcat -b %s -C -t ArticleRated -f '%%h\\n%%s\\n'",
                kafka.bootstrapServers(), kafka.bootstrapServers());
        say("  MongoDB          %s   (databases articles, ratings, media)", mongo.connectionString());
        say("  logs             %s", root.relativize(data.resolve("logs")));
        say("Rate it:  curl -X POST -H 'Content-Type: application/json' -d '{\"stars\":4}' http://localhost:%d/api/articles/%s/ratings",
                GATEWAY_PORT, slug);
        say("Press Ctrl-C to stop; the next start keeps all data.");
    }

    private void createTopics() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            for (NewTopic topic : PlatformTopics.all(3, (short) 1)) {
                try {
                    admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
    }

    private void launch(String name, int port, Map<String, String> env) throws IOException {
        Path jar = root.resolve(name).resolve("target").resolve(name + ".jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build first with mvn -DskipTests package");
        }
        Path log = data.resolve("logs").resolve(name + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-Dfile.encoding=UTF-8", "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        services.add(new Service(name, port, builder.start(), log));
        say("Starting %-15s on port %d (log: %s)", name, port, root.relativize(log));
    }

    private void awaitHealthy(Service service) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.process().isAlive()) {
                throw new IllegalStateException(service.name() + " exited; see " + service.log());
            }
            try {
                HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (ConnectException | java.net.http.HttpTimeoutException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(service.name() + " was not healthy within " + STARTUP_TIMEOUT + "; see " + service.log());
    }

    private void stop() {
        say("\nStopping...");
        services.forEach(service -> service.process().destroy());
        for (Service service : services) {
            try {
                if (!service.process().waitFor(20, TimeUnit.SECONDS)) {
                    service.process().destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (kafka != null) {
            kafka.close();
        }
        if (mongo != null) {
            mongo.close();
        }
        say("Stopped. Data kept in %s", data);
    }

    private static int intEnv(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }

    static void say(String format, Object... args) {
        System.out.println(args.length == 0 ? format : String.format(format, args));
    }
}
