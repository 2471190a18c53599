package vn.portal.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import vn.portal.devstack.RawHttp;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.portal.contracts.ArticleImage;
import vn.portal.contracts.ArticlePublished;
import vn.portal.contracts.ArticleUnpublished;
import vn.portal.contracts.MediaRendition;
import vn.portal.contracts.MediaUploaded;
import vn.portal.contracts.Topics;
import vn.portal.devstack.Articles;
import vn.portal.devstack.DashboardMeters;
import vn.portal.devstack.DevIssuer;
import vn.portal.devstack.EventRecords;
import vn.portal.devstack.WithDevIssuer;
import vn.portal.platform.events.CloudEventHeaders;
import vn.portal.platform.events.IncomingEvents;

/**
 * Flow 4 of DESIGN.md end to end (an editor uploads a photo: real type from the bytes, bounded
 * before decoding, metadata stripped, renditions in GridFS, announced on the real broker, served
 * with strong caching) and media-service's part of flow 1 (the gallery of a published article and
 * the photo library). Run against the embedded pair and, where Docker exists, real containers.
 * The upload limit is 2 MB here, so that a too-large upload is cheap to send.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.servlet.multipart.max-file-size=2MB", "spring.servlet.multipart.max-request-size=3MB"})
@WithDevIssuer
abstract class MediaFlowContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final Random RANDOM = new Random();
    private static final List<String> RENDITIONS = List.of("original", "w320", "w640", "w1024", "w1600",
            "crop-1x1", "crop-4x3", "crop-16x9");

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ConsumerFactory<String, byte[]> consumers;

    @Autowired
    IncomingEvents incoming;

    @Autowired
    MeterRegistry meters;

    @Autowired
    PrometheusMeterRegistry prometheus;

    @LocalServerPort
    int port;

    // --- uploads ---------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"/api/galleries?page=%ff%fe", "/api/galleries?size=%zz", "/api/galleries?%c3%28=1", "/api/media/%ff", "/api/galleries/%zz"})
    void answersMalformedPercentEncodingAndInvalidUtf8WithA400Problem(String target) {
        RawHttp.Answer answer = RawHttp.send(port, "GET", target);

        assertThat(answer.status()).as(target + "\n" + answer.head() + "\n" + answer.body()).isEqualTo(400);
        assertThat(answer.isProblem()).as(answer.head()).isTrue();
        assertThat(answer.body()).contains("https://portal.vn/problems/");
    }

    @Test
    void keepsTheUploadPrivateInGridFsAndServesItReEncodedWithItsContentType() throws Exception {
        BufferedImage picture = TestImages.smooth(64, 48);
        byte[] png = TestImages.encode(picture, "png");

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
        assertThat(media.get("sha256").asString()).isEqualTo(sha256(png));
        assertThat(media.get("renditions").get(0).get("url").asString()).isEqualTo("/api/media/" + id + "/original");

        // the upload itself is kept, privately, only to make the renditions again
        Document stored = mongo.getCollection("media").find(new Document("_id", id)).first();
        Document file = mongo.getCollection("fs.files").find(new Document("_id", stored.get("gridFsFileId"))).first();
        assertThat(file.get("length", Number.class).longValue()).isEqualTo(png.length);

        HttpResponse<byte[]> original = get("/api/media/" + id + "/original");
        assertThat(original.statusCode()).isEqualTo(200);
        assertThat(original.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(original.headers().firstValue("ETag")).hasValue("\"" + sha256(original.body()) + "\"");
        assertThat(original.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(original.headers().firstValue("Content-Disposition")).hasValue("inline; filename=\"" + id + ".png\"");
        assertThat(original.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        BufferedImage served = ImageIO.read(new ByteArrayInputStream(original.body()));
        assertThat(served.getRGB(10, 10)).as("PNG is re-encoded losslessly").isEqualTo(picture.getRGB(10, 10));

        JsonNode metadata = JSON.readTree(get("/api/media/" + id).body());
        assertThat(metadata.get("caption").asString()).isEqualTo("Toàn cảnh Hội nghị.");
        assertThat(metadata.get("credit").asString()).isEqualTo("Thái Hoàn");
        assertThat(metadata.get("altMissing").asBoolean()).isFalse();
        // 64 px wide: every width is the original itself, never scaled up
        HttpResponse<byte[]> w1024 = get("/api/media/" + id + "/w1024");
        assertThat(w1024.body()).isEqualTo(original.body());
        assertThat(w1024.headers().firstValue("Content-Disposition")).hasValue("inline; filename=\"" + id + "-w1024.png\"");
    }

    @Test
    void acceptsJpegPngWebpAndGifAndServesEachInABrowserFormat() throws Exception {
        Map<String, byte[]> uploads = new LinkedHashMap<>();
        uploads.put("image/jpeg", TestImages.random("jpg", 90, 60));
        uploads.put("image/png", TestImages.random("png", 91, 61));
        uploads.put("image/webp", TestImages.webp(200 + RANDOM.nextInt(300), 150, RANDOM.nextInt(0x1000000)));
        uploads.put("image/gif", TestImages.animatedGif(93, 63));
        Map<String, String> served = Map.of("image/jpeg", "image/jpeg", "image/png", "image/png",
                "image/webp", "image/jpeg", "image/gif", "image/png");

        for (Map.Entry<String, byte[]> upload : uploads.entrySet()) {
            // the claimed type is a lie every time: only the bytes count
            HttpResponse<byte[]> created = upload(upload.getValue(), "photo.bin", "application/octet-stream", Map.of());

            assertThat(created.statusCode()).as(upload.getKey()).isEqualTo(201);
            JsonNode media = JSON.readTree(created.body());
            assertThat(media.get("contentType").asString()).isEqualTo(upload.getKey());
            assertThat(media.get("renditions").valueStream().map(r -> r.get("name").asString()).toList())
                    .containsExactlyElementsOf(RENDITIONS);
            for (JsonNode rendition : media.get("renditions")) {
                HttpResponse<byte[]> response = get(rendition.get("url").asString());
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.headers().firstValue("Content-Type")).as(rendition.get("name").asString())
                        .hasValue(served.get(upload.getKey()));
                BufferedImage image = ImageIO.read(new ByteArrayInputStream(response.body()));
                assertThat(image.getWidth()).isEqualTo(rendition.get("width").asInt());
                assertThat(image.getHeight()).isEqualTo(rendition.get("height").asInt());
            }
        }
    }

    @Test
    void returnsTheStoredImageWhenTheSameBytesAreUploadedAgain() throws Exception {
        byte[] jpeg = TestImages.random("jpg", 80, 60);

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
    void refusesSvgHtmlAndAJpegHtmlPolyglotWithUnsupportedMediaTypeAndStoresNothing() throws Exception {
        long media = mongo.getCollection("media").countDocuments();
        long files = mongo.getCollection("fs.files").countDocuments();
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><script>alert(1)</script></svg>"
                .getBytes(StandardCharsets.UTF_8);
        byte[] html = "<!DOCTYPE html><html><body><img src=x onerror=alert(1)></body></html>"
                .getBytes(StandardCharsets.UTF_8);
        byte[] polyglot = TestImages.concat(TestImages.random("jpg", 16, 16),
                "<html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.US_ASCII));

        assertThat(problemType(upload(svg, "logo.svg", "image/svg+xml", Map.of()), 415))
                .isEqualTo("https://portal.vn/problems/unsupported-image-type");
        assertThat(problemType(upload(html, "photo.png", "image/png", Map.of()), 415))
                .isEqualTo("https://portal.vn/problems/unsupported-image-type");
        assertThat(problemType(upload(polyglot, "photo.jpg", "image/jpeg", Map.of()), 415))
                .isEqualTo("https://portal.vn/problems/polyglot-image");
        assertThat(mongo.getCollection("media").countDocuments()).isEqualTo(media);
        assertThat(mongo.getCollection("fs.files").countDocuments()).isEqualTo(files);
    }

    @Test
    void refusesADecompressionBombForItsPixelCountBeforeDecodingIt() throws Exception {
        byte[] bomb = TestImages.bombPng(20_000, 20_000); // 400 million pixels in a few KB
        double refusedBefore = uploads("too-many-pixels");

        HttpResponse<byte[]> response = upload(bomb, "bomb.png", "image/png", Map.of());

        assertThat(problemType(response, 413)).isEqualTo("https://portal.vn/problems/too-many-pixels");
        assertThat(uploads("too-many-pixels")).isEqualTo(refusedBefore + 1);
    }

    @Test
    void refusesATruncatedJpegAndATruncatedPngAsUnreadable() throws Exception {
        byte[] jpeg = TestImages.random("jpg", 64, 48);
        byte[] truncatedJpeg = Arrays.copyOf(jpeg, jpeg.length / 2);
        byte[] truncatedPng = Arrays.copyOf(TestImages.random("png", 64, 48), 20);

        assertThat(problemType(upload(truncatedJpeg, "cut.jpg", "image/jpeg", Map.of()), 400))
                .endsWith("/unreadable-image");
        assertThat(problemType(upload(truncatedPng, "cut.png", "image/png", Map.of()), 400))
                .endsWith("/unreadable-image");
    }

    @Test
    void refusesAnEmptyFile() throws Exception {
        HttpResponse<byte[]> response = upload(new byte[0], "empty.png", "image/png", Map.of());

        assertThat(problemType(response, 400)).endsWith("/empty-file");
    }

    @Test
    void refusesAFileLargerThanTheLimitWithProblemDetails() throws Exception {
        byte[] large = new byte[2 * 1024 * 1024 + 300 * 1024];
        RANDOM.nextBytes(large);

        HttpResponse<byte[]> response = upload(large, "big.jpg", "image/jpeg", Map.of());

        assertThat(problemType(response, 413)).isEqualTo("https://portal.vn/problems/file-too-large");
        assertThat(JSON.readTree(response.body()).get("maxBytes").asLong()).isEqualTo(2 * 1024 * 1024);
    }

    // --- metadata, orientation, renditions ----------------------------------------------

    @Test
    void servesNoGpsPositionInAnyRenditionAndKeepsTheEmbeddedRightsInTheRecord() throws Exception {
        byte[] jpeg = TestImages.withExif(TestImages.encode(TestImages.smooth(1700, 900), "jpg"), 1,
                "(c) Bao Kon Tum", "Thai Hoan");
        assertThat(ImageMetadataReader.readMetadata(new ByteArrayInputStream(jpeg))
                .getFirstDirectoryOfType(GpsDirectory.class).getGeoLocation()).as("the upload has GPS").isNotNull();

        JsonNode media = JSON.readTree(upload(jpeg, "gps.jpg", "image/jpeg", Map.of()).body());

        assertThat(media.get("copyright").asString()).isEqualTo("(c) Bao Kon Tum");
        assertThat(media.get("credit")).as(media.toString()).isNotNull();
        assertThat(media.get("credit").asString()).isEqualTo("Thai Hoan");
        assertThat(media.get("renditions")).hasSize(RENDITIONS.size());
        for (JsonNode rendition : media.get("renditions")) {
            HttpResponse<byte[]> served = get(rendition.get("url").asString());
            Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(served.body()));
            assertThat(metadata.getFirstDirectoryOfType(GpsDirectory.class)).as(rendition.get("name").asString()).isNull();
            assertThat(metadata.getFirstDirectoryOfType(ExifIFD0Directory.class)).isNull();
        }
    }

    @Test
    void appliesTheExifOrientationSoThatEveryRenditionIsUpright() throws Exception {
        // stored 80 wide and 40 high; orientation 6 means: turn a quarter clockwise to display
        byte[] jpeg = TestImages.withExif(TestImages.encode(TestImages.redTop(80, 40), "jpg"), 6, "c", "a");

        JsonNode media = JSON.readTree(upload(jpeg, "turned.jpg", "image/jpeg", Map.of()).body());

        assertThat(media.get("width").asInt()).isEqualTo(40);
        assertThat(media.get("height").asInt()).isEqualTo(80);
        BufferedImage original = ImageIO.read(new ByteArrayInputStream(
                get("/api/media/" + media.get("id").asString() + "/original").body()));
        assertThat(original.getWidth()).isEqualTo(40);
        assertThat(original.getHeight()).isEqualTo(80);
    }

    @Test
    void makesEachWidthWithoutScalingUpAndCropsAroundTheFocalPoint() throws Exception {
        // a red square at 90 % across, where the editor put the focal point
        byte[] png = TestImages.encode(TestImages.withRedSquare(1600, 900, 1440, 450, 40), "png");

        JsonNode media = JSON.readTree(upload(png, "focus.png", "image/png",
                Map.of("focalX", "0.9", "focalY", "0.5")).body());

        Map<String, String> sizes = new LinkedHashMap<>();
        media.get("renditions").forEach(r -> sizes.put(r.get("name").asString(),
                r.get("width").asInt() + "x" + r.get("height").asInt()));
        assertThat(sizes).containsExactlyInAnyOrderEntriesOf(Map.of("original", "1600x900", "w320", "320x180",
                "w640", "640x360", "w1024", "1024x576", "w1600", "1600x900", "crop-1x1", "900x900",
                "crop-4x3", "1200x900", "crop-16x9", "1200x675"));
        assertThat(media.get("focalPoint").get("x").asDouble()).isEqualTo(0.9);
        BufferedImage square = ImageIO.read(new ByteArrayInputStream(
                get("/api/media/" + media.get("id").asString() + "/crop-1x1").body()));
        assertThat(square.getWidth()).isEqualTo(900);
        assertThat(containsRed(square)).as("the crop shows the focal point").isTrue();
    }

    @Test
    void answersARepeatedRequestForTheSameBytesWithNotModified() throws Exception {
        String id = uploadedId(TestImages.random("gif", 32, 32), "a.gif", "image/gif");
        HttpResponse<byte[]> first = get("/api/media/" + id + "/original");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(first.headers().firstValue("Content-Type")).hasValue("image/png"); // GIF's first frame as PNG

        HttpResponse<byte[]> repeated = HTTP.send(request("/api/media/" + id + "/original")
                .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(repeated.statusCode()).isEqualTo(304);
        assertThat(repeated.body()).isEmpty();
        assertThat(repeated.headers().firstValue("ETag")).hasValue(etag);
    }

    @Test
    void answersUnknownImagesAndRenditionsWithNotFoundProblems() throws Exception {
        String id = uploadedId(TestImages.random("png", 120, 10), "wide.png", "image/png");

        assertThat(problemType(get("/api/media/khong-co-anh-nay"), 404)).endsWith("/media-not-found");
        assertThat(problemType(get("/api/media/khong-co-anh-nay/original"), 404)).endsWith("/media-not-found");
        assertThat(problemType(get("/api/media/" + id + "/w9999"), 404)).endsWith("/rendition-not-found");
        assertThat(problemType(get("/api/media/" + id + "/source"), 404)).endsWith("/rendition-not-found");
    }

    @Test
    void announcesAnUploadWithAllItsRenditionsOnTheBrokerAsMediaUploaded() throws Exception {
        double storedBefore = uploads("stored");
        HttpResponse<byte[]> created = upload(TestImages.random("png", 40, 30), "a.png", "image/png",
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
        assertThat(event.renditions()).extracting(MediaRendition::name).containsExactlyElementsOf(RENDITIONS);
        assertThat(event.renditions().get(0).url()).isEqualTo("/api/media/" + id + "/original");

        assertThat(uploads("stored")).isEqualTo(storedBefore + 1);
        assertThat(meters.get("media.bytes.stored").counter().count()).isPositive();
        assertThat(meters.get("media.renditions").timers().stream().mapToLong(Timer::count).sum()).isPositive();
    }

    // --- editing and deleting ----------------------------------------------------------

    @Test
    void refusesMarkupInCaptionAltCreditAndCopyrightAndDropsItFromThePhotosOwnMetadata() throws Exception {
        for (String field : List.of("caption", "alt", "credit", "copyright")) {
            HttpResponse<byte[]> refused = upload(TestImages.random("png", 20, 20), "x.png", "image/png",
                    Map.of(field, "Ảnh <img src=x onerror=alert(1)>"));
            assertThat(problemType(refused, 400)).as(field).endsWith("/invalid-media-text");
        }
        String id = uploadedId(TestImages.random("jpg", 30, 20), "a.jpg", "image/jpeg");
        assertThat(problemType(patch("/api/media/" + id, "{\"alt\":\"<script>alert(1)</script>\"}"), 400))
                .endsWith("/invalid-media-text");

        byte[] jpeg = TestImages.withExif(TestImages.encode(TestImages.smooth(300, 200), "jpg"), 1,
                "(c) <b>Bao Kon Tum</b>", "Thai Hoan");
        JsonNode media = JSON.readTree(upload(jpeg, "exif.jpg", "image/jpeg", Map.of()).body());

        assertThat(media.get("copyright") == null || media.get("copyright").isNull()).as(media.toString()).isTrue();
        assertThat(media.get("credit")).as(media.toString()).isNotNull();
        assertThat(media.get("credit").asString()).isEqualTo("Thai Hoan");
    }

    @Test
    void letsEditorsAddAltTextAndEditCaptionAndCreditLater() throws Exception {
        String id = uploadedId(TestImages.random("jpg", 30, 20), "a.jpg", "image/jpeg");
        assertThat(JSON.readTree(get("/api/media/" + id).body()).get("altMissing").asBoolean()).isTrue();

        HttpResponse<byte[]> patched = patch("/api/media/" + id,
                "{\"alt\":\"Lãnh đạo tỉnh phát biểu\",\"caption\":\"Phát biểu khai mạc.\",\"credit\":\"Thái Hoàn\"}");

        assertThat(patched.statusCode()).isEqualTo(200);
        JsonNode media = JSON.readTree(get("/api/media/" + id).body());
        assertThat(media.get("alt").asString()).isEqualTo("Lãnh đạo tỉnh phát biểu");
        assertThat(media.get("altMissing").asBoolean()).isFalse();
        assertThat(media.get("caption").asString()).isEqualTo("Phát biểu khai mạc.");

        assertThat(patch("/api/media/" + id, "{\"caption\":null}").statusCode()).isEqualTo(200);
        media = JSON.readTree(get("/api/media/" + id).body());
        assertThat(media.get("caption").isNull()).isTrue();
        assertThat(media.get("credit").asString()).isEqualTo("Thái Hoàn");

        assertThat(problemType(patch("/api/media/" + id, "{\"sha256\":\"x\"}"), 400)).endsWith("/invalid-media-patch");
        assertThat(problemType(patch("/api/media/" + id, "{}"), 400)).as("a patch that changes nothing").endsWith("/invalid-media-patch");
        assertThat(problemType(patch("/api/media/khong-co", "{\"alt\":\"x\"}"), 404)).endsWith("/media-not-found");
    }

    @Test
    void refusesToDeleteAnImageAPublishedArticleShowsAndDeletesItOnceWithdrawn() throws Exception {
        String used = uploadedId(TestImages.random("jpg", 40, 40), "used.jpg", "image/jpeg");
        ArticlePublished article = withImages(Articles.article("Bài dùng ảnh " + UUID.randomUUID()),
                List.of(new ArticleImage(used, "/api/media/" + used + "/w1024", "Ảnh", "Ảnh", null)));
        kafka.send(EventRecords.of(article, article.articleId())).get();
        awaitGallery(article.articleId());

        HttpResponse<byte[]> refused = delete("/api/media/" + used);

        assertThat(problemType(refused, 409)).endsWith("/media-in-use");
        assertThat(JSON.readTree(refused.body()).get("articles").valueStream().map(JsonNode::asString).toList())
                .containsExactly(article.articleId());
        assertThat(get("/api/media/" + used + "/original").statusCode()).isEqualTo(200);

        kafka.send(EventRecords.of(new ArticleUnpublished(article.articleId(), 2, Instant.now(), "Gỡ bài"),
                article.articleId())).get();
        await().atMost(Duration.ofSeconds(30)).until(() -> delete("/api/media/" + used).statusCode() == 204);
        assertThat(problemType(get("/api/media/" + used), 404)).endsWith("/media-not-found");
        assertThat(mongo.getCollection("fs.files").countDocuments(new Document("metadata.mediaId", used))).isZero();
    }

    @Test
    void deletesAnImageNoArticleUses() throws Exception {
        String unused = uploadedId(TestImages.random("png", 40, 40), "unused.png", "image/png");

        assertThat(delete("/api/media/" + unused).statusCode()).isEqualTo(204);

        assertThat(problemType(get("/api/media/" + unused + "/w320"), 404)).endsWith("/media-not-found");
        assertThat(mongo.getCollection("fs.files").countDocuments(new Document("metadata.mediaId", unused))).isZero();
        assertThat(problemType(delete("/api/media/" + unused), 404)).endsWith("/media-not-found");
    }

    // --- galleries -----------------------------------------------------------------------

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
        assertThat(images.get(1).get("altMissing").asBoolean()).isFalse();

        kafka.send(EventRecords.of(new ArticleUnpublished(article.articleId(), 2, Instant.now(), "Gỡ bài"),
                article.articleId())).get();

        await().atMost(Duration.ofSeconds(30)).until(() -> get(gallery).statusCode() == 404);
        assertThat(problemType(get(gallery), 404)).endsWith("/gallery-not-found");
        assertThat(problemType(get("/api/galleries/" + article.articleId()), 404)).endsWith("/gallery-not-found");
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

    @Test
    void listsAlbumsAndArticleGalleriesNewestFirstInThePhotoLibrary() throws Exception {
        String album = "Hội nghị tổng kết " + UUID.randomUUID();
        JsonNode first = JSON.readTree(upload(TestImages.random("jpg", 60, 40), "1.jpg", "image/jpeg",
                Map.of("album", album, "caption", "Đại biểu dự hội nghị")).body());
        JsonNode second = JSON.readTree(upload(TestImages.random("jpg", 60, 40), "2.jpg", "image/jpeg",
                Map.of("album", album, "alt", "Toàn cảnh hội nghị")).body());
        String albumId = first.get("albumId").asString();
        assertThat(albumId).startsWith("album-hoi-nghi-tong-ket-");
        String firstId = first.get("id").asString();

        JsonNode albumGallery = JSON.readTree(get("/api/galleries/" + albumId).body());
        assertThat(albumGallery.get("kind").asString()).isEqualTo("album");
        assertThat(albumGallery.get("title").asString()).isEqualTo(album);
        assertThat(albumGallery.get("images").valueStream().map(i -> i.get("mediaId").asString()).toList())
                .containsExactly(firstId, second.get("id").asString());
        assertThat(albumGallery.get("images").get(0).get("caption").asString()).isEqualTo("Đại biểu dự hội nghị");
        assertThat(albumGallery.get("images").get(0).get("altMissing").asBoolean()).isTrue();
        assertThat(albumGallery.get("images").get(1).get("altMissing").asBoolean()).isFalse();

        // newer than the album, and within the clock skew a consumer accepts (no event from the future)
        ArticlePublished article = withImages(Articles.article("Bài mới nhất " + UUID.randomUUID(),
                        Instant.now().plus(2, ChronoUnit.MINUTES)),
                List.of(new ArticleImage(firstId, "/api/media/" + firstId + "/w1024", "Đại biểu", null, null)));
        kafka.send(EventRecords.of(article, article.articleId())).get();
        awaitGallery(article.articleId());

        JsonNode library = JSON.readTree(get("/api/galleries?page=0&size=50").body());
        List<String> ids = library.get("galleries").valueStream().map(g -> g.get("id").asString()).toList();
        assertThat(ids).contains(article.articleId(), albumId);
        assertThat(ids.indexOf(article.articleId())).as("newest first").isLessThan(ids.indexOf(albumId));
        JsonNode listedAlbum = library.get("galleries").get(ids.indexOf(albumId));
        assertThat(listedAlbum.get("count").asInt()).isEqualTo(2);
        assertThat(listedAlbum.get("cover").get("url").asString()).isEqualTo("/api/media/" + firstId + "/crop-4x3");
        JsonNode articleGallery = JSON.readTree(get("/api/galleries/" + article.articleId()).body());
        assertThat(articleGallery.get("kind").asString()).isEqualTo("article");
        assertThat(articleGallery.get("articleId").asString()).isEqualTo(article.articleId());
        // the article gives no alt text and neither does the image yet: flagged for the editors
        assertThat(articleGallery.get("images").get(0).get("altMissing").asBoolean()).isTrue();

        assertThat(delete("/api/media/" + second.get("id").asString()).statusCode()).isEqualTo(204);
        assertThat(JSON.readTree(get("/api/galleries/" + albumId).body()).get("count").asInt()).isEqualTo(1);
    }

    // --- helpers -------------------------------------------------------------------------

    private static ArticlePublished withImages(ArticlePublished a, List<ArticleImage> images) {
        return new ArticlePublished(a.articleId(), a.revision(), a.slug(), a.title(), a.lead(), a.bodyHtml(), images,
                a.author(), a.category(), a.tags(), a.language(), a.publishedAt(), a.updatedAt(), a.correctionNote());
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

    private double uploads(String outcome) {
        var counter = meters.find("media.uploads").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
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

    private String uploadedId(byte[] content, String filename, String type) throws Exception {
        HttpResponse<byte[]> created = upload(content, filename, type, Map.of());
        assertThat(created.statusCode()).isEqualTo(201);
        return JSON.readTree(created.body()).get("id").asString();
    }

    @Test
    void onlyEditorsUploadEditAndDeleteWhileEveryoneReads() throws Exception {
        String id = JSON.readTree(upload(TestImages.random("png", 30, 20), "a.png", "image/png", Map.of()).body())
                .get("id").asString();
        String reader = "Bearer " + DevIssuer.forTests().readerToken("doc.gia");

        assertThat(HTTP.send(request("/api/media").header("Content-Type", "multipart/form-data; boundary=x")
                .POST(HttpRequest.BodyPublishers.ofString("--x--")).build(), HttpResponse.BodyHandlers.ofByteArray())
                .statusCode()).isEqualTo(401);
        assertThat(HTTP.send(request("/api/media/" + id).header("Authorization", reader).DELETE().build(),
                HttpResponse.BodyHandlers.ofByteArray()).statusCode()).isEqualTo(403);
        assertThat(HTTP.send(request("/api/media/" + id).header("Authorization", "Bearer "
                        + DevIssuer.forTests().expiredEditorToken("cu")).method("PATCH",
                        HttpRequest.BodyPublishers.ofString("{\"alt\":\"x\"}")).build(),
                HttpResponse.BodyHandlers.ofByteArray()).statusCode()).isEqualTo(401);
        assertThat(get("/api/media/" + id).statusCode()).isEqualTo(200);
        assertThat(get("/api/media/" + id + "/w320").statusCode()).isEqualTo(200);
        for (String method : List.of("OPTIONS", "PUT", "PATCH", "DELETE", "POST")) {
            RawHttp.Answer answer = RawHttp.send(port, method, "/api/media/" + id, "Content-Length: 0");
            assertThat(answer.status()).as(method + "\n" + answer.head()).isEqualTo(401);
            assertThat(answer.isProblem()).as(method + "\n" + answer.head()).isTrue();
        }
        assertThat(RawHttp.send(port, "HEAD", "/api/media/" + id + "/w320").status()).isEqualTo(200);
    }

    // --- the dashboard ---------------------------------------------------------------------------

    /**
     * After an upload and a read, the Prometheus scrape (the registry's, which /actuator/prometheus
     * answers with) shows every meter of the Grafana dashboard that media-service is responsible for.
     */
    @Test
    void scrapesEveryMeterTheDashboardReadsAfterAnUploadAndARead() throws Exception {
        HttpResponse<byte[]> created = upload(TestImages.random("jpg", 90, 60), "bang-dieu-khien.jpg", "image/jpeg", Map.of());
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(get("/api/media/" + JSON.readTree(created.body()).get("id").asString()).statusCode()).isEqualTo(200);
        System.gc(); // the GC meters count pauses; make sure one happened in this short run

        Set<String> missing = new TreeSet<>(DashboardMeters.ownedBy("media-service"));
        missing.removeAll(DashboardMeters.scraped(prometheus.scrape()));

        assertThat(DashboardMeters.ownedBy("media-service")).contains("media_uploads_total");
        assertThat(missing).as("meters the dashboard reads that media-service does not serve").isEmpty();
    }

    /** A multipart/form-data POST as a browser sends it: the text fields, then the file part. */
    HttpResponse<byte[]> upload(byte[] content, String filename, String claimedType, Map<String, String> fields)
            throws Exception {
        String boundary = "----portal" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : new LinkedHashMap<>(fields).entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                    + "\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + field.getValue() + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: " + claimedType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HTTP.send(asEditor(request("/api/media"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<byte[]> get(String path) throws Exception {
        return HTTP.send(request(path).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> patch(String path, String json) throws Exception {
        return HTTP.send(asEditor(request(path)).header("Content-Type", "application/merge-patch+json")
                        .method("PATCH", HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> delete(String path) throws Exception {
        return HTTP.send(asEditor(request(path)).DELETE().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpRequest.Builder asEditor(HttpRequest.Builder request) {
        return request.header("Authorization", "Bearer " + DevIssuer.forTests().editorToken("bien.tap.vien"));
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

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    private static boolean containsRed(BufferedImage image) {
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y);
                if (((rgb >> 16) & 0xFF) > 180 && ((rgb >> 8) & 0xFF) < 90 && (rgb & 0xFF) < 90) {
                    return true;
                }
            }
        }
        return false;
    }
}
