package vn.portal.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.portal.contracts.ArticlePublished;
import vn.portal.contracts.ArticleUnpublished;
import vn.portal.contracts.MediaUploaded;
import vn.portal.contracts.Topics;
import vn.portal.devstack.Articles;
import vn.portal.devstack.EventRecords;
import vn.portal.platform.events.CloudEventHeaders;
import vn.portal.platform.events.IncomingEvents;

/**
 * Flow 4 of DESIGN.md end to end (an editor uploads a photo: real type from the bytes, stored in
 * GridFS, announced on the real broker, served with strong caching) and media-service's part of
 * flow 1 (the gallery of a published article). Run against the embedded pair and, where Docker
 * exists, against real containers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class MediaFlowContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final Random RANDOM = new Random();

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ConsumerFactory<String, byte[]> consumers;

    @Autowired
    IncomingEvents incoming;

    @LocalServerPort
    int port;

    @Test
    void storesAnUploadedPngInGridFsAndServesItBackByteIdenticalWithItsContentType() throws Exception {
        byte[] png = image("png", 64, 48);

        HttpResponse<byte[]> created = upload(png, "anh.png", "image/png", Map.of(
                "caption", "Toàn cảnh Hội nghị.", "alt", "Toàn cảnh Hội nghị", "credit", "Thái Hoàn"));

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode media = JSON.readTree(created.body());
        String id = media.get("id").asString();
        assertThat(id).matches("[0-9a-f]{32}");
        assertThat(created.headers().firstValue("Location")).hasValue("/api/media/" + id);
        assertThat(media.get("contentType").asString()).isEqualTo("image/png");
        assertThat(media.get("width").asInt()).isEqualTo(64);
        assertThat(media.get("height").asInt()).isEqualTo(48);
        assertThat(media.get("bytes").asLong()).isEqualTo(png.length);
        assertThat(media.get("renditions").get(0).get("url").asString()).isEqualTo("/api/media/" + id + "/original");

        Document stored = mongo.getCollection("media").find(new Document("_id", id)).first();
        Document file = mongo.getCollection("fs.files").find(new Document("_id", stored.get("gridFsFileId"))).first();
        assertThat(file.get("length", Number.class).longValue()).isEqualTo(png.length);

        HttpResponse<byte[]> original = get("/api/media/" + id + "/original");
        assertThat(original.statusCode()).isEqualTo(200);
        assertThat(original.body()).isEqualTo(png);
        assertThat(original.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(original.headers().firstValue("ETag")).hasValue("\"" + media.get("sha256").asString() + "\"");
        assertThat(original.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(original.headers().firstValue("Content-Disposition")).hasValue("inline; filename=\"" + id + ".png\"");

        JsonNode metadata = JSON.readTree(get("/api/media/" + id).body());
        assertThat(metadata.get("caption").asString()).isEqualTo("Toàn cảnh Hội nghị.");
        assertThat(metadata.get("credit").asString()).isEqualTo("Thái Hoàn");
        // no wider than 1024 px: the w1024 that articles link is the original for now
        assertThat(get("/api/media/" + id + "/w1024").body()).isEqualTo(png);
    }

    @Test
    void returnsTheStoredImageWhenTheSameBytesAreUploadedAgain() throws Exception {
        byte[] jpeg = image("jpg", 80, 60);

        HttpResponse<byte[]> first = upload(jpeg, "a.jpg", "image/jpeg", Map.of());
        HttpResponse<byte[]> again = upload(jpeg, "copy-of-a.jpg", "image/jpeg", Map.of("caption", "Lần hai"));

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(200);
        JsonNode stored = JSON.readTree(first.body());
        assertThat(JSON.readTree(again.body()).get("id").asString()).isEqualTo(stored.get("id").asString());
        assertThat(stored.get("contentType").asString()).isEqualTo("image/jpeg");
        assertThat(mongo.getCollection("media")
                .countDocuments(new Document("sha256", stored.get("sha256").asString()))).isEqualTo(1);
    }

    @Test
    void refusesSvgHtmlAndWebpWithUnsupportedMediaTypeAndStoresNothing() throws Exception {
        long media = mongo.getCollection("media").countDocuments();
        long files = mongo.getCollection("fs.files").countDocuments();
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><script>alert(1)</script></svg>"
                .getBytes(StandardCharsets.UTF_8);
        byte[] html = "<!DOCTYPE html><html><body><img src=x onerror=alert(1)></body></html>"
                .getBytes(StandardCharsets.UTF_8);
        byte[] webp = webpHeader();

        for (HttpResponse<byte[]> refused : List.of(upload(svg, "logo.svg", "image/svg+xml", Map.of()),
                upload(html, "photo.png", "image/png", Map.of()), upload(webp, "photo.webp", "image/webp", Map.of()))) {
            assertThat(refused.statusCode()).isEqualTo(415);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(JSON.readTree(refused.body()).get("type").asString())
                    .isEqualTo("https://portal.vn/problems/unsupported-image-type");
        }
        assertThat(mongo.getCollection("media").countDocuments()).isEqualTo(media);
        assertThat(mongo.getCollection("fs.files").countDocuments()).isEqualTo(files);
    }

    @Test
    void refusesATruncatedPngWhoseHeaderCannotBeRead() throws Exception {
        byte[] truncated = Arrays.copyOf(image("png", 64, 48), 20);

        HttpResponse<byte[]> response = upload(truncated, "cut.png", "image/png", Map.of());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("type").asString()).endsWith("/unreadable-image");
    }

    @Test
    void refusesAnEmptyFile() throws Exception {
        HttpResponse<byte[]> response = upload(new byte[0], "empty.png", "image/png", Map.of());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("type").asString()).endsWith("/empty-file");
    }

    @Test
    void answersARepeatedRequestForTheSameBytesWithNotModified() throws Exception {
        String id = uploadedId(image("gif", 32, 32), "a.gif", "image/gif");
        HttpResponse<byte[]> first = get("/api/media/" + id + "/original");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(first.headers().firstValue("Content-Type")).hasValue("image/gif");

        HttpResponse<byte[]> repeated = HTTP.send(request("/api/media/" + id + "/original")
                .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(repeated.statusCode()).isEqualTo(304);
        assertThat(repeated.body()).isEmpty();
        assertThat(repeated.headers().firstValue("ETag")).hasValue(etag);
    }

    @Test
    void answersUnknownImagesAndRenditionsWithNotFoundProblems() throws Exception {
        String wide = uploadedId(image("png", 1200, 10), "wide.png", "image/png");

        assertThat(problemType(get("/api/media/khong-co-anh-nay"), 404)).endsWith("/media-not-found");
        assertThat(problemType(get("/api/media/khong-co-anh-nay/original"), 404)).endsWith("/media-not-found");
        assertThat(problemType(get("/api/media/" + wide + "/w320"), 404)).endsWith("/rendition-not-found");
        // wider than 1024 px: no w1024 until renditions are made
        assertThat(problemType(get("/api/media/" + wide + "/w1024"), 404)).endsWith("/rendition-not-found");
    }

    @Test
    void announcesAnUploadOnTheBrokerAsMediaUploaded() throws Exception {
        HttpResponse<byte[]> created = upload(image("png", 40, 30), "a.png", "image/png",
                Map.of("caption", "Các thành viên ký kết giao ước thi đua năm 2024"));
        JsonNode media = JSON.readTree(created.body());
        String id = media.get("id").asString();

        ConsumerRecord<String, byte[]> record = firstRecord(Topics.MEDIA_UPLOADED, id);

        assertThat(CloudEventHeaders.read(record.headers(), CloudEventHeaders.TYPE))
                .hasValue("vn.portal.media.uploaded.v1");
        MediaUploaded event = incoming.read(record, MediaUploaded.class); // valid against its schema
        assertThat(event.mediaId()).isEqualTo(id);
        assertThat(event.contentType()).isEqualTo("image/png");
        assertThat(event.width()).isEqualTo(40);
        assertThat(event.height()).isEqualTo(30);
        assertThat(event.sha256()).isEqualTo(media.get("sha256").asString());
        assertThat(event.caption()).isEqualTo("Các thành viên ký kết giao ước thi đua năm 2024");
        assertThat(event.renditions()).singleElement().satisfies(rendition -> {
            assertThat(rendition.name()).isEqualTo("original");
            assertThat(rendition.url()).isEqualTo("/api/media/" + id + "/original");
        });
    }

    @Test
    void showsThePublishedArticlesImagesInOrderWithCaptionsUntilItIsUnpublished() throws Exception {
        ArticlePublished article = Articles.article("Thư viện ảnh " + UUID.randomUUID());
        String gallery = "/api/articles/" + article.articleId() + "/gallery";

        kafka.send(EventRecords.of(article, article.articleId())).get();

        HttpResponse<byte[]> response = await().atMost(Duration.ofSeconds(30))
                .until(() -> get(gallery), r -> r.statusCode() == 200);
        JsonNode images = JSON.readTree(response.body()).get("images");
        assertThat(images.valueStream().map(i -> i.get("mediaId").asString()).toList())
                .containsExactly("9f2c4c1e6a0b4d1f8e3a5b7c9d0e1f20", "4b8d2e6f1a3c5e7f9b0d2f4a6c8e0a12");
        assertThat(images.get(0).get("caption").asString()).isEqualTo(
                "Các thành viên Khối Mặt trận Tổ Quốc và các tổ chức chính trị - xã hội tỉnh Kon Tum đã ký kết giao ước thi đua năm 2024.");
        assertThat(images.get(1).get("caption").asString()).isEqualTo("Toàn cảnh Hội nghị.");
        assertThat(images.get(1).get("url").asString()).isEqualTo("/api/media/4b8d2e6f1a3c5e7f9b0d2f4a6c8e0a12/w1024");

        kafka.send(EventRecords.of(new ArticleUnpublished(article.articleId(), 2, Instant.now(), "Gỡ bài"),
                article.articleId())).get();

        await().atMost(Duration.ofSeconds(30)).until(() -> get(gallery).statusCode() == 404);
        assertThat(problemType(get(gallery), 404)).endsWith("/gallery-not-found");
    }

    @Test
    void keepsTheNewerGalleryWhenAnOlderRevisionArrivesLate() throws Exception {
        ArticlePublished first = Articles.article("Bài có ảnh " + UUID.randomUUID());
        ArticlePublished third = Articles.revision(first, 3, first.title() + " (đã sửa)", "Đính chính");
        ArticlePublished lateSecond = Articles.revision(first, 2, first.title() + " (bản cũ)", null);

        for (ArticlePublished event : List.of(third, lateSecond, third)) {
            kafka.send(EventRecords.of(event, first.articleId())).get();
        }
        awaitGallery(publishMarkerAfter(first.articleId()));

        Document stored = mongo.getCollection("galleries").find(new Document("_id", first.articleId())).first();
        assertThat(stored.getLong("revision")).isEqualTo(3L);
        assertThat(stored.getString("title")).isEqualTo(third.title());
    }

    @Test
    void aWithdrawalThatOvertakesItsPublicationKeepsTheGalleryGone() throws Exception {
        ArticlePublished article = Articles.article("Bài bị gỡ sớm " + UUID.randomUUID());
        String gallery = "/api/articles/" + article.articleId() + "/gallery";

        kafka.send(EventRecords.of(new ArticleUnpublished(article.articleId(), 2, Instant.now(), null),
                article.articleId())).get();
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.getCollection("galleries")
                .countDocuments(new Document("_id", article.articleId()).append("status", "WITHDRAWN")) == 1);
        kafka.send(EventRecords.of(article, article.articleId())).get(); // revision 1, late
        awaitGallery(publishMarkerAfter(article.articleId()));

        assertThat(problemType(get(gallery), 404)).endsWith("/gallery-not-found");
    }

    /** An article on the same partition after the others: once its gallery exists, they were applied. */
    private String publishMarkerAfter(String key) throws Exception {
        ArticlePublished marker = Articles.article("Dấu mốc " + UUID.randomUUID());
        kafka.send(EventRecords.of(marker, key)).get();
        return marker.articleId();
    }

    private void awaitGallery(String articleId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/articles/" + articleId + "/gallery")
                .statusCode() == 200);
    }

    private ConsumerRecord<String, byte[]> firstRecord(String topic, String key) {
        try (Consumer<String, byte[]> consumer = consumers.createConsumer("test-" + UUID.randomUUID(), null)) {
            consumer.subscribe(List.of(topic));
            return await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        return record;
                    }
                }
                return null;
            }, Objects::nonNull);
        }
    }

    /** A real image of the given format with random pixels, so that no two tests share bytes. */
    static byte[] image(String format, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height,
                "gif".equals(format) ? BufferedImage.TYPE_BYTE_INDEXED : BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, RANDOM.nextInt(0x1000000));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, format, out)).as("an ImageIO writer for " + format).isTrue();
        return out.toByteArray();
    }

    /** The first bytes of a lossy WebP file: RIFF, size, WEBP, a VP8 chunk with a 16x16 frame. */
    private static byte[] webpHeader() {
        return new byte[] {'R', 'I', 'F', 'F', 0x24, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', ' ', 0x18, 0, 0, 0,
                0x30, 0x01, 0x00, (byte) 0x9D, 0x01, 0x2A, 0x10, 0x00, 0x10, 0x00};
    }

    private String uploadedId(byte[] content, String filename, String type) throws Exception {
        HttpResponse<byte[]> created = upload(content, filename, type, Map.of());
        assertThat(created.statusCode()).isEqualTo(201);
        return JSON.readTree(created.body()).get("id").asString();
    }

    /** A multipart/form-data POST as a browser sends it: the text fields, then the file part. */
    HttpResponse<byte[]> upload(byte[] content, String filename, String claimedType, Map<String, String> fields)
            throws Exception {
        String boundary = "----portal" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : new LinkedHashMap<>(fields).entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                    + "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: " + claimedType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HTTP.send(request("/api/media")
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<byte[]> get(String path) throws Exception {
        return HTTP.send(request(path).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    private static String problemType(HttpResponse<byte[]> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        return JSON.readTree(response.body()).get("type").asString();
    }
}
