package vn.portal.devstack;

import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;
import vn.portal.contracts.ArticleImage;
import vn.portal.contracts.ArticlePublished;
import vn.portal.platform.slug.Slugs;

/**
 * Publishes the seed article as an editorial system would: uploads stand-in photos (generated,
 * the seed page's photos are not available) to media-service through the gateway, then produces
 * {@code ArticlePublished} with a plain Kafka producer. Safe to repeat: media is deduplicated by
 * content and the article event is idempotent by revision.
 */
final class SeedPublisher {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String gateway;
    private final String bootstrapServers;
    private final String editorToken;
    private final HttpClient http = HttpClient.newHttpClient();

    SeedPublisher(String gateway, String bootstrapServers, String editorToken) {
        this.gateway = gateway;
        this.bootstrapServers = bootstrapServers;
        this.editorToken = editorToken;
    }

    /** Returns the slug the seed article is readable at. */
    String publish() throws Exception {
        ArticlePublished seed = Articles.seedArticle();
        List<ArticleImage> images = new ArrayList<>();
        String body = seed.bodyHtml();
        for (ArticleImage image : seed.images()) {
            String mediaId = upload(standInPhoto(image.caption()), image);
            String url = "/api/media/" + mediaId + "/w1024";
            body = body.replace(image.url(), url);
            images.add(new ArticleImage(mediaId, url, image.caption(), image.alt(), image.credit()));
        }
        ArticlePublished article = new ArticlePublished(seed.articleId(), seed.revision(), seed.slug(), seed.title(),
                seed.lead(), body, images, seed.author(), seed.category(), seed.tags(), seed.language(),
                seed.publishedAt(), seed.updatedAt(), seed.correctionNote());
        try (var producer = new KafkaProducer<String, byte[]>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(EventRecords.of(article, article.articleId())).get();
        }
        LocalRun.say("Published the seed article (ArticlePublished, revision %d) with %d stand-in photos",
                article.revision(), images.size());
        return Slugs.of(article.title());
    }

    private String upload(byte[] jpeg, ArticleImage image) throws Exception {
        String boundary = "seed-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        field(body, boundary, "caption", image.caption());
        field(body, boundary, "alt", image.alt());
        field(body, boundary, "credit", "Ảnh minh họa (devstack)");
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"seed.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(jpeg);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/media"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .header("Authorization", "Bearer " + editorToken)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("uploading a seed photo failed: " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).get("id").asString();
    }

    private static void field(ByteArrayOutputStream body, String boundary, String name, String value) throws IOException {
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    /** A deterministic 1024x683 stand-in: the same caption always gives the same bytes. */
    static byte[] standInPhoto(String caption) throws IOException {
        BufferedImage image = new BufferedImage(1024, 683, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(0xB71C1C), 1024, 683, new Color(0xF9A825)));
        g.fillRect(0, 0, 1024, 683);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 28));
        g.drawString("Ảnh minh họa", 40, 80);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 20));
        int y = 600;
        for (String line : wrap(caption, 80)) {
            g.drawString(line, 40, y);
            y += 28;
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    private static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() + word.length() + 1 > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.isEmpty() ? "" : " ").append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
