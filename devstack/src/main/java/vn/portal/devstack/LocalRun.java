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
 * {@code .devstack-data/}, kept across restarts), the three services, the gateway and the portal as
 * child JVMs, then the seed article published through Kafka as an editorial system would. Ctrl-C
 * stops everything.
 */
public final class LocalRun {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(180);

    /** Where everything listens and where data lives; {@link #fromEnvironment} gives the defaults. */
    public record Settings(Path root, Path data, int kafkaPort, int kafkaControllerPort, int mongoPort,
                           int gatewayPort, int articlePort, int ratingPort, int mediaPort, int portalPort,
                           ManagementPorts management) {

        static Settings fromEnvironment(Path root) {
            String data = System.getenv("DEVSTACK_DATA");
            return new Settings(root, data == null || data.isBlank() ? root.resolve(".devstack-data") : Path.of(data),
                    intEnv("DEVSTACK_KAFKA_PORT", 9092),
                    intEnv("DEVSTACK_KAFKA_CONTROLLER_PORT", 9093), intEnv("DEVSTACK_MONGODB_PORT", 27017),
                    intEnv("GATEWAY_PORT", 8080), intEnv("ARTICLE_SERVICE_PORT", 8081),
                    intEnv("RATING_SERVICE_PORT", 8082), intEnv("MEDIA_SERVICE_PORT", 8083),
                    intEnv("PORTAL_PORT", 8084),
                    new ManagementPorts(intEnv("GATEWAY_MANAGEMENT_PORT", 9080),
                            intEnv("ARTICLE_SERVICE_MANAGEMENT_PORT", 9081), intEnv("RATING_SERVICE_MANAGEMENT_PORT", 9082),
                            intEnv("MEDIA_SERVICE_MANAGEMENT_PORT", 9083), intEnv("PORTAL_MANAGEMENT_PORT", 9084)));
        }

        /** Free ports and the given data directory: for tests of the local run itself. */
        public static Settings onFreePorts(Path root, Path data) {
            return new Settings(root, data, FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(),
                    FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(),
                    new ManagementPorts(FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(),
                            FreePorts.next()));
        }

        public String gatewayUrl() {
            return "http://127.0.0.1:" + gatewayPort;
        }
    }

    /** Each JVM's actuator port (metrics, health details): never routed by the gateway. */
    public record ManagementPorts(int gateway, int article, int rating, int media, int portal) {
    }

    record Service(String name, int port, int managementPort, Process process, Path log) {
    }

    private final Settings settings;
    private final List<Service> services = new ArrayList<>();
    private KafkaBroker kafka;
    private MongoWireServer mongo;
    private String seedSlug;
    private DevIssuer issuer;

    private LocalRun(Settings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("logback.configurationFile", "devstack-logback.xml");
        Path root = Path.of(System.getProperty("devstack.root", ".")).toAbsolutePath().normalize();
        if (args.length > 0 && args[0].equals("token")) {
            printToken(Settings.fromEnvironment(root), args);
            return;
        }
        LocalRun run = new LocalRun(Settings.fromEnvironment(root));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            run.stop();
            stopped.countDown();
        }, "devstack-stop"));
        try {
            run.startAll();
            run.printWhereThingsAre();
        } catch (Exception e) {
            System.err.println("\nThe local run could not start: " + e.getMessage());
            System.exit(1);
        }
        stopped.await();
    }

    /** Starts everything and publishes the seed article; {@link #stop()} ends it. */
    public static LocalRun start(Settings settings) throws Exception {
        LocalRun run = new LocalRun(settings);
        try {
            run.startAll();
        } catch (Exception e) {
            run.stop();
            throw e;
        }
        return run;
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** The development issuer whose tokens the services accept. */
    public DevIssuer issuer() {
        return issuer;
    }

    public String seedSlug() {
        return seedSlug;
    }

    private void startAll() throws Exception {
        long started = System.nanoTime();
        Path data = settings.data();
        Files.createDirectories(data.resolve("logs"));
        say("Starting Kafka (KRaft) on 127.0.0.1:%d and the MongoDB-wire server on 127.0.0.1:%d; data in %s",
                settings.kafkaPort(), settings.mongoPort(), data);
        mongo = MongoWireServer.file(data.resolve("mongodb/portal.mv"), settings.mongoPort());
        kafka = KafkaBroker.start(data.resolve("kafka"), settings.kafkaPort(), settings.kafkaControllerPort());
        createTopics();

        issuer = DevIssuer.inDirectory(data.resolve("dev-issuer"));
        Files.writeString(data.resolve("dev-issuer/editor.token"), issuer.editorToken("bien.tap.vien"));

        Map<String, String> env = new LinkedHashMap<>();
        env.put("JWT_PUBLIC_KEY_LOCATION", issuer.publicKeyLocation());
        env.put("PLATFORM_VOTER_SECRET", voterSecret(data.resolve("dev-issuer/voter-secret")));
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("MONGODB_URI", mongo.connectionString());
        env.put("ARTICLES_PUBLIC_BASE_URL", "http://localhost:" + settings.gatewayPort());
        launch("article-service", settings.articlePort(), settings.management().article(), env);
        Map<String, String> ratingEnv = new LinkedHashMap<>(env);
        // the tally's Kafka Streams state (RocksDB), kept with the rest of the local run's data
        ratingEnv.put("RATING_TALLY_STATE_DIR", data.resolve("rating-service/tally-state").toString());
        launch("rating-service", settings.ratingPort(), settings.management().rating(), ratingEnv);
        launch("media-service", settings.mediaPort(), settings.management().media(), env);
        env.put("ARTICLE_SERVICE_URL", "http://127.0.0.1:" + settings.articlePort());
        env.put("RATING_SERVICE_URL", "http://127.0.0.1:" + settings.ratingPort());
        env.put("MEDIA_SERVICE_URL", "http://127.0.0.1:" + settings.mediaPort());
        env.put("PORTAL_URL", "http://127.0.0.1:" + settings.portalPort());
        // the portal calls the gateway from 127.0.0.1 on behalf of each reader and says who in
        // X-Forwarded-For: limit the reader, not the portal (locally every client is 127.0.0.1)
        env.put("GATEWAY_TRUSTED_PROXIES", "127.0.0.1");
        launch("gateway", settings.gatewayPort(), settings.management().gateway(), env);
        env.put("PORTAL_GATEWAY_URL", settings.gatewayUrl());
        env.put("PORTAL_PUBLIC_BASE_URL", "http://localhost:" + settings.gatewayPort());
        launch("portal", settings.portalPort(), settings.management().portal(), env);
        for (Service service : services) {
            awaitHealthy(service);
        }
        seedSlug = new SeedPublisher(settings.gatewayUrl(), kafka.bootstrapServers(),
                issuer.editorToken("devstack-seed")).publish();
        say("Up in %d s.", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
    }

    private void printWhereThingsAre() {
        int gateway = settings.gatewayPort();
        say("");
        say("The seed article's page (open it in a browser):");
        say("  http://localhost:%d/tin-tuc/%s", gateway, seedSlug);
        say("and as JSON, through the gateway:");
        say("  http://localhost:%d/api/articles/%s", gateway, seedSlug);
        say("");
        say("  gateway          http://localhost:%d   (/api/** to the services, every other path to the portal)", gateway);
        say("  article-service  http://localhost:%d   rating-service http://localhost:%d   media-service http://localhost:%d   portal http://localhost:%d",
                settings.articlePort(), settings.ratingPort(), settings.mediaPort(), settings.portalPort());
        ManagementPorts management = settings.management();
        say("  actuators        127.0.0.1 only: gateway :%d, article :%d, rating :%d, media :%d, portal :%d   (/actuator/health, /actuator/prometheus)",
                management.gateway(), management.article(), management.rating(), management.media(), management.portal());
        say("  Kafka            %s   e.g. kcat -b %s -C -t ArticleRated -f '%%h\\n%%s\\n'",
                kafka.bootstrapServers(), kafka.bootstrapServers());
        say("  MongoDB          %s   (databases articles, ratings, media)", mongo.connectionString());
        say("  logs             %s", settings.data().resolve("logs"));
        say("  API documents    http://localhost:%d/swagger-ui.html", gateway);
        say("Rate it:  curl -X POST -H 'Content-Type: application/json' -d '{\"stars\":4}' http://localhost:%d/api/articles/%s/ratings",
                gateway, seedSlug);
        say("Editor token (12 h, development issuer), for the editorial API:");
        say("  TOKEN=$(cat %s)   then  curl -H \"Authorization: Bearer $TOKEN\" ...",
                settings.data().resolve("dev-issuer/editor.token"));
        say("  another one:  ./run token editor <name>   (or: ./run token reader <name>)");
        say("Press Ctrl-C to stop; the next start keeps all data.");
    }

    /** {@code token editor|reader [subject]}: prints a token of the development issuer. */
    private static void printToken(Settings settings, String[] args) {
        DevIssuer issuer = DevIssuer.inDirectory(settings.data().resolve("dev-issuer"));
        String role = args.length > 1 ? args[1] : "editor";
        String subject = args.length > 2 ? args[2] : "bien.tap.vien";
        System.out.println(issuer.token(subject, DevIssuer.ISSUER, DevIssuer.AUDIENCE, Duration.ofHours(12),
                List.of(role)));
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

    private void launch(String name, int port, int managementPort, Map<String, String> env) throws IOException {
        Path jar = settings.root().resolve(name).resolve("target").resolve(name + ".jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build first with mvn -DskipTests package");
        }
        Path log = settings.data().resolve("logs").resolve(name + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(javaOptions());
        command.addAll(List.of("-Dfile.encoding=UTF-8", "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        builder.environment().put("MANAGEMENT_SERVER_PORT", Integer.toString(managementPort));
        builder.environment().put("MANAGEMENT_SERVER_ADDRESS", "127.0.0.1"); // the actuator: this machine only
        if (!name.equals("gateway")) {
            builder.environment().put("SERVER_ADDRESS", "127.0.0.1"); // only the gateway is the way in
        }
        services.add(new Service(name, port, managementPort, builder.start(), log));
        say("Starting %-15s on port %d (actuator on 127.0.0.1:%d)", name, port, managementPort);
    }

    private void awaitHealthy(Service service) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.managementPort() + "/actuator/health"))
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

    public void stop() {
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
        services.clear();
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
        if (mongo != null) {
            mongo.close();
            mongo = null;
        }
        say("Stopped. Data kept in %s", settings.data());
    }

    /** A random secret, made once per data folder, that the gateway and rating-service share. */
    private static String voterSecret(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] random = new byte[32];
            new java.security.SecureRandom().nextBytes(random);
            Files.writeString(file, java.util.HexFormat.of().formatHex(random));
        }
        return Files.readString(file).trim();
    }

    /**
     * The child JVMs' options: {@code DEVSTACK_JAVA_OPTS} when set (benchmarks run with the full JIT,
     * e.g. {@code DEVSTACK_JAVA_OPTS="-Xmx512m"}), else a quick start: C1 only, 512 MB heaps.
     */
    static List<String> javaOptions() {
        String given = System.getenv("DEVSTACK_JAVA_OPTS");
        return given == null || given.isBlank() ? List.of("-Xmx512m", "-XX:TieredStopAtLevel=1")
                : List.of(given.trim().split("\\s+"));
    }

    private static int intEnv(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }

    static void say(String format, Object... args) {
        System.out.println(args.length == 0 ? format : String.format(format, args));
    }
}
