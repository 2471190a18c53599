import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.portal.contracts.ArticleImage;
import vn.portal.contracts.ArticlePublished;
import vn.portal.devstack.Articles;
import vn.portal.devstack.EventRecords;
import vn.portal.platform.slug.Slugs;

/**
 * Events for the benchmarks, made with the local run's own code (devstack Articles and
 * EventRecords: JSON value, CloudEvents headers), as an editorial system would produce them.
 * Run with the classes and libraries of devstack-exec.jar on the class path (bench/lib/common.sh).
 *
 *   publish <bootstrap servers> <count> <tag> [article JSON]
 *       produces <count> distinct ArticlePublished (revision 1, the seed article's body, a title
 *       of their own, the slug derived from it) with acks=all, waits for every acknowledgement
 *       and prints "articleId<TAB>slug" per article. With an article as article-service answers
 *       it (the seed article of the local run), its body and images are used: photos that
 *       media-service of that run really has.
 *
 *   readable <bootstrap servers> <gateway url> <per second> <seconds> <tag> <article JSON>
 *       produces ArticlePublished (as publish does) at that rate for that long; from each
 *       acknowledgement on, GETs /api/articles/<slug> through the gateway (a random
 *       X-Forwarded-For each) until it answers 200: every 2 ms for the first 50 ms, every 10 ms
 *       until 500 ms, every 100 ms until 2 s, then every 250 ms, for at most 10 s (the later,
 *       the slower: a backlog must not turn into a flood of reads). Prints one line per article:
 *       "latency ms" (or "timeout"), the time from the acknowledgement to the first 200.
 *
 *   kafka-e2e <bootstrap servers> <topic> <count>
 *       what Kafka's EndToEndLatency tool does: one record of 2 KB at a time, produced with
 *       acks=all and waited for, then consumed; prints the time from send to receipt per
 *       record, in ms. The topic (one partition) is made if missing.
 *
 *   jpegs <dir> <count> <width> <height>
 *       writes <count> different photo-like JPEGs (quality 0.9) of that size: gradients, soft
 *       shapes and a little grain, so that they compress like a photo; each different, since
 *       media-service keeps one copy of identical bytes.
 */
public final class BenchEvents {

    public static void main(String[] args) throws Exception {
        if ((args.length == 4 || args.length == 5) && args[0].equals("publish")) {
            publish(args[1], Integer.parseInt(args[2]), args[3], args.length == 5 ? Path.of(args[4]) : null);
        } else if (args.length == 5 && args[0].equals("jpegs")) {
            jpegs(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
        } else if (args.length == 7 && args[0].equals("readable")) {
            readable(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]), args[5], Path.of(args[6]));
        } else if (args.length == 4 && args[0].equals("kafka-e2e")) {
            kafkaEndToEnd(args[1], args[2], Integer.parseInt(args[3]));
        } else {
            System.err.println("usage: publish <bootstrap> <count> <tag> [article JSON] | jpegs <dir> <count> <width> <height>");
            System.exit(2);
        }
    }

    static void publish(String bootstrap, int count, String tag, Path template) throws Exception {
        String body = null;
        List<ArticleImage> images = null;
        if (template != null) {
            JsonNode seed = JsonMapper.builder().build().readTree(Files.readString(template));
            body = seed.get("bodyHtml").asString();
            images = new ArrayList<>();
            for (JsonNode image : seed.get("images")) {
                images.add(new ArticleImage(text(image, "mediaId"), text(image, "url"), text(image, "caption"),
                        text(image, "alt"), text(image, "credit")));
            }
        }
        List<ArticlePublished> articles = new ArrayList<>();
        Instant base = Instant.now().minusSeconds(count);
        for (int i = 1; i <= count; i++) {
            ArticlePublished a = Articles.article("Bài đo hiệu năng " + tag + " số " + i, base.plusSeconds(i));
            String slug = Slugs.of(a.title());
            articles.add(new ArticlePublished(a.articleId(), a.revision(), slug, a.title(), a.lead(),
                    body != null ? body : a.bodyHtml(), images != null ? images : a.images(), a.author(), a.category(), a.tags(), a.language(), a.publishedAt(), a.updatedAt(),
                    a.correctionNote()));
        }
        try (var producer = new KafkaProducer<String, byte[]>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new ByteArraySerializer())) {
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            for (ArticlePublished a : articles) {
                acks.add(producer.send(EventRecords.of(a, a.articleId())));
            }
            for (Future<RecordMetadata> ack : acks) {
                ack.get();
            }
        }
        StringBuilder out = new StringBuilder();
        for (ArticlePublished a : articles) {
            out.append(a.articleId()).append('\t').append(a.slug()).append('\n');
        }
        System.out.print(out);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    static void jpegs(Path dir, int count, int width, int height) throws Exception {
        Files.createDirectories(dir);
        for (int n = 1; n <= count; n++) {
            java.util.Random random = new java.util.Random(n * 7919L);
            var image = new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
            var g = image.createGraphics();
            g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
            g.setPaint(new java.awt.GradientPaint(0, 0, new java.awt.Color(random.nextInt(0xFFFFFF)), width, height,
                    new java.awt.Color(random.nextInt(0xFFFFFF))));
            g.fillRect(0, 0, width, height);
            for (int i = 0; i < 400; i++) {
                int w = 20 + random.nextInt(width / 4);
                int h = 20 + random.nextInt(height / 4);
                g.setColor(new java.awt.Color(random.nextInt(256), random.nextInt(256), random.nextInt(256), 40 + random.nextInt(120)));
                g.fillOval(random.nextInt(width) - w / 2, random.nextInt(height) - h / 2, w, h);
            }
            g.dispose();
            int[] row = new int[width];
            for (int y = 0; y < height; y++) {
                image.getRGB(0, y, width, 1, row, 0, width);
                for (int x = 0; x < width; x++) {
                    int d = random.nextInt(13) - 6;
                    int p = row[x];
                    int r = Math.max(0, Math.min(255, ((p >> 16) & 0xFF) + d));
                    int gr = Math.max(0, Math.min(255, ((p >> 8) & 0xFF) + d));
                    int b = Math.max(0, Math.min(255, (p & 0xFF) + d));
                    row[x] = (r << 16) | (gr << 8) | b;
                }
                image.setRGB(0, y, width, 1, row, 0, width);
            }
            var writer = javax.imageio.ImageIO.getImageWritersByFormatName("jpeg").next();
            var param = writer.getDefaultWriteParam();
            param.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.9f);
            try (var out = javax.imageio.ImageIO.createImageOutputStream(dir.resolve("photo-" + n + ".jpg").toFile())) {
                writer.setOutput(out);
                writer.write(null, new javax.imageio.IIOImage(image, null, null), param);
            }
            writer.dispose();
        }
    }

    static void readable(String bootstrap, String gateway, int perSecond, int seconds, String tag, Path template)
            throws Exception {
        JsonNode seed = JsonMapper.builder().build().readTree(Files.readString(template));
        List<ArticleImage> images = new ArrayList<>();
        for (JsonNode image : seed.get("images")) {
            images.add(new ArticleImage(text(image, "mediaId"), text(image, "url"), text(image, "caption"),
                    text(image, "alt"), text(image, "credit")));
        }
        String body = seed.get("bodyHtml").asString();
        var http = java.net.http.HttpClient.newBuilder().connectTimeout(java.time.Duration.ofSeconds(2)).build();
        var pollers = java.util.concurrent.Executors.newFixedThreadPool(64);
        var results = new java.util.concurrent.ConcurrentLinkedQueue<String>();
        var done = new java.util.concurrent.CountDownLatch(perSecond * seconds);
        java.util.Random random = new java.util.Random();
        try (var producer = new KafkaProducer<String, byte[]>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new ByteArraySerializer())) {
            long start = System.nanoTime();
            for (int i = 1; i <= perSecond * seconds; i++) {
                long due = start + (i - 1) * 1_000_000_000L / perSecond;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                Instant at = Instant.now();
                String title = "Bài đo độ trễ " + tag + " số " + i;
                String slug = Slugs.of(title);
                ArticlePublished a = Articles.article(title, at);
                ArticlePublished event = new ArticlePublished(a.articleId(), 1, slug, title, a.lead(), body, images,
                        a.author(), a.category(), a.tags(), a.language(), at, at, null);
                producer.send(EventRecords.of(event, event.articleId()), (metadata, error) -> {
                    long acked = System.nanoTime();
                    if (error != null) {
                        results.add("error");
                        done.countDown();
                        return;
                    }
                    pollers.execute(() -> {
                        String xff = "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
                        var get = java.net.http.HttpRequest.newBuilder(java.net.URI.create(gateway + "/api/articles/" + slug))
                                .header("X-Forwarded-For", xff).timeout(java.time.Duration.ofSeconds(5)).build();
                        String result = "timeout";
                        try {
                            while (System.nanoTime() - acked < 10_000_000_000L) {
                                try {
                                    var response = http.send(get, java.net.http.HttpResponse.BodyHandlers.discarding());
                                    if (response.statusCode() == 200) {
                                        result = String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - acked) / 1e6);
                                        break;
                                    }
                                } catch (java.io.IOException slowOrRefused) {
                                    // a read that failed or timed out: the article is not served yet
                                }
                                long since = (System.nanoTime() - acked) / 1_000_000;
                                Thread.sleep(since < 50 ? 2 : since < 500 ? 10 : since < 2000 ? 100 : 250);
                            }
                        } catch (InterruptedException e) {
                            result = "interrupted";
                        }
                        results.add(result);
                        done.countDown();
                    });
                });
            }
            producer.flush();
        }
        done.await(60, java.util.concurrent.TimeUnit.SECONDS);
        pollers.shutdownNow();
        StringBuilder out = new StringBuilder();
        results.forEach(r -> out.append(r).append('\n'));
        System.out.print(out);
    }

    static void kafkaEndToEnd(String bootstrap, String topic, int count) throws Exception {
        try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            try {
                admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(topic, 1, (short) 1))).all().get();
            } catch (java.util.concurrent.ExecutionException e) {
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                    throw e;
                }
            }
        }
        byte[] payload = new byte[2048];
        new java.util.Random(1).nextBytes(payload);
        var partition = new org.apache.kafka.common.TopicPartition(topic, 0);
        try (var producer = new KafkaProducer<byte[], byte[]>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 0),
                new ByteArraySerializer(), new ByteArraySerializer());
             var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<byte[], byte[]>(Map.of(
                     "bootstrap.servers", bootstrap, "enable.auto.commit", false, "fetch.max.wait.ms", 500),
                     new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
                     new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToEnd(List.of(partition));
            consumer.position(partition);
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < count; i++) {
                long begin = System.nanoTime();
                producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(topic, payload)).get();
                int received = 0;
                while (received == 0) {
                    received = consumer.poll(java.time.Duration.ofMillis(1000)).count();
                    if (System.nanoTime() - begin > 10_000_000_000L) {
                        break;
                    }
                }
                out.append(received == 0 ? "timeout" : String.format(java.util.Locale.ROOT, "%.2f", (System.nanoTime() - begin) / 1e6)).append('\n');
            }
            System.out.print(out);
        }
    }
}
