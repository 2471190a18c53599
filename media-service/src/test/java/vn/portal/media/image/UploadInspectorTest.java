package vn.portal.media.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.web.ErrorResponseException;
import vn.portal.media.TestImages;

/** What is let through to decoding, from the bytes alone; plain unit tests on files. */
class UploadInspectorTest {

    private static final long MAX_PIXELS = 50_000_000;

    private final UploadInspector inspector = new UploadInspector(MAX_PIXELS);

    @TempDir
    Path dir;

    @Test
    void recognisesEachAcceptedFormatFromItsBytesWithItsHeaderSize() throws IOException {
        assertThat(inspect(TestImages.random("jpg", 40, 30))).extracting(i -> i.type(), i -> i.width(), i -> i.height())
                .containsExactly(ImageType.JPEG, 40, 30);
        assertThat(inspect(TestImages.random("png", 41, 31))).extracting(i -> i.type(), i -> i.width(), i -> i.height())
                .containsExactly(ImageType.PNG, 41, 31);
        assertThat(inspect(TestImages.animatedGif(42, 32))).extracting(i -> i.type(), i -> i.width(), i -> i.height())
                .containsExactly(ImageType.GIF, 42, 32);
        assertThat(inspect(TestImages.webp(43, 33, 0x336699))).extracting(i -> i.type(), i -> i.width(), i -> i.height())
                .containsExactly(ImageType.WEBP, 43, 33);
    }

    @Test
    void hashesAndCountsTheWholeUpload() throws IOException {
        byte[] png = TestImages.random("png", 20, 20);

        UploadInspector.Inspected inspected = inspect(png);

        assertThat(inspected.bytes()).isEqualTo(png.length);
        assertThat(inspected.sha256()).isEqualTo(java.util.HexFormat.of().formatHex(sha256(png)));
    }

    @Test
    void refusesSvgAndHtmlAsUnsupported() {
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8);
        byte[] html = "<!DOCTYPE html><html><body><img src=x onerror=alert(1)></body></html>".getBytes(StandardCharsets.UTF_8);

        assertThat(refusal(svg)).containsExactly(415, "https://portal.vn/problems/unsupported-image-type");
        assertThat(refusal(html)).containsExactly(415, "https://portal.vn/problems/unsupported-image-type");
    }

    @Test
    void refusesAJpegThatIsAlsoAnHtmlPageAfterItsEndMarker() {
        byte[] polyglot = TestImages.concat(TestImages.random("jpg", 32, 32),
                "<html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.US_ASCII));

        assertThat(refusal(polyglot)).containsExactly(415, "https://portal.vn/problems/polyglot-image");
    }

    @Test
    void refusesAJpegWithAScriptInItsFirstKilobyte() {
        byte[] jpeg = TestImages.random("jpg", 32, 32);
        byte[] comment = "<SCRIPT>alert(1)</SCRIPT>".getBytes(StandardCharsets.US_ASCII);
        byte[] com = new byte[4 + comment.length];
        com[0] = (byte) 0xFF;
        com[1] = (byte) 0xFE; // a comment segment
        com[2] = 0;
        com[3] = (byte) (2 + comment.length);
        System.arraycopy(comment, 0, com, 4, comment.length);
        byte[] polyglot = TestImages.concat(TestImages.concat(Arrays.copyOf(jpeg, 2), com),
                Arrays.copyOfRange(jpeg, 2, jpeg.length));

        assertThat(refusal(polyglot)).containsExactly(415, "https://portal.vn/problems/polyglot-image");
    }

    @Test
    void acceptsPlainDataAfterTheEndOfAnImage() throws IOException {
        byte[] jpeg = TestImages.random("jpg", 32, 32);
        byte[] withTrailer = TestImages.concat(jpeg, "MotionPhoto_Data\0\0\0".getBytes(StandardCharsets.US_ASCII));

        assertThat(inspect(withTrailer).type()).isEqualTo(ImageType.JPEG);
    }

    @Test
    void refusesADecompressionBombBecauseOfItsDeclaredPixelCount() {
        byte[] bomb = TestImages.bombPng(20_000, 20_000);
        assertThat(bomb.length).isLessThan(20_000);

        ErrorResponseException refused = catchThrowableOfType(ErrorResponseException.class, () -> inspect(bomb));

        assertThat(refused.getStatusCode().value()).isEqualTo(413);
        assertThat(refused.getBody().getType()).hasToString("https://portal.vn/problems/too-many-pixels");
    }

    @Test
    void refusesAPngWithMegabytesOfCompressedMetadata() throws IOException {
        byte[] bomb = TestImages.metadataBombPng(1024, 1, "x", "y"); // 3 x 1 GB inflated, about 3 MB stored
        byte[] photo = TestImages.metadataBombPng(64, 1, "x", "y"); // 3 x 64 KB stored: an ICC profile's size

        ErrorResponseException refused = catchThrowableOfType(ErrorResponseException.class, () -> inspect(bomb));

        assertThat(refused.getStatusCode().value()).isEqualTo(413);
        assertThat(refused.getBody().getType()).hasToString("https://portal.vn/problems/metadata-too-large");
        assertThat(inspect(photo).type()).isEqualTo(ImageType.PNG);
    }

    @Test
    void refusesTruncatedImagesOfEachFormatAsUnreadable() {
        for (byte[] image : new byte[][] {TestImages.random("jpg", 64, 64), TestImages.random("png", 64, 64),
                TestImages.animatedGif(64, 64), TestImages.webp(64, 64, 0x112233)}) {
            byte[] truncated = Arrays.copyOf(image, image.length - Math.max(2, image.length / 3));

            assertThat(refusal(truncated)).containsExactly(400, "https://portal.vn/problems/unreadable-image");
        }
    }

    @Test
    void refusesAJpegOfSoManyScansThatDecodingItWouldTakeAges() {
        byte[] jpeg = TestImages.random("jpg", 16, 16);
        java.io.ByteArrayOutputStream many = new java.io.ByteArrayOutputStream();
        many.write(jpeg, 0, jpeg.length - 2); // without its end marker
        for (int i = 0; i < ImageStructure.MAX_JPEG_SCANS; i++) {
            many.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xDA, 0, 8, 1, 1, 0, 0, 0x3F, 0, 0x55});
        }
        many.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD9});

        assertThat(refusal(many.toByteArray())).containsExactly(400, "https://portal.vn/problems/unreadable-image");
    }

    @Test
    void refusesAnEmptyFile() {
        assertThat(refusal(new byte[0])).containsExactly(400, "https://portal.vn/problems/empty-file");
    }

    private UploadInspector.Inspected inspect(byte[] content) throws IOException {
        Path file = Files.createTempFile(dir, "upload", ".bin");
        Files.write(file, content);
        return inspector.inspect(file);
    }

    private java.util.List<Object> refusal(byte[] content) {
        ErrorResponseException refused = catchThrowableOfType(ErrorResponseException.class, () -> inspect(content));
        assertThat(refused).as("refused").isNotNull();
        return java.util.List.of(refused.getStatusCode().value(), refused.getBody().getType().toString());
    }

    private static byte[] sha256(byte[] content) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(content);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
