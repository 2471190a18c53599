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
}
