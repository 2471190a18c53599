package vn.portal.media.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.portal.media.TestImages;

/** Decoding, orienting, cropping and re-encoding real files; plain unit tests. */
class RenditionMakerTest {

    private final UploadInspector inspector = new UploadInspector(50_000_000);
    private final RenditionMaker maker = new RenditionMaker(2560, 0.85f, 1);

    @TempDir
    Path dir;

    @Test
    void servesNoGpsExifOrXmpInAnyFormAndKeepsTheRightsInTheRecord() throws Exception {
        byte[] jpeg = TestImages.withExif(TestImages.encode(TestImages.smooth(1700, 900), "jpg"), 1,
                "(c) Bao Kon Tum", "Thai Hoan");
        Metadata uploaded = ImageMetadataReader.readMetadata(new ByteArrayInputStream(jpeg));
        assertThat(uploaded.getFirstDirectoryOfType(GpsDirectory.class).getGeoLocation()).as("the upload has GPS")
                .isNotNull();
        Path file = write(jpeg);

        EmbeddedMetadata embedded = EmbeddedMetadata.of(file);
        RenditionMaker.Made made = make(file, embedded, FocalPoint.CENTRE);

        assertThat(embedded.copyright()).isEqualTo("(c) Bao Kon Tum");
        assertThat(embedded.credit()).isEqualTo("Thai Hoan");
        assertThat(made.renditions()).hasSize(8);
        for (RenditionMaker.Encoded rendition : made.renditions()) {
            Metadata served = ImageMetadataReader.readMetadata(new ByteArrayInputStream(rendition.bytes()));
            assertThat(served.getFirstDirectoryOfType(GpsDirectory.class)).as(rendition.name()).isNull();
            assertThat(served.getFirstDirectoryOfType(ExifIFD0Directory.class)).as(rendition.name()).isNull();
            assertThat(served.getFirstDirectoryOfType(XmpDirectory.class)).as(rendition.name()).isNull();
        }
    }

    @Test
    void turnsAnImageUprightByItsExifOrientation() throws Exception {
        // stored 80 wide, 40 high, red on top; orientation 6: turn a quarter clockwise to display
        byte[] jpeg = TestImages.withExif(TestImages.encode(TestImages.redTop(80, 40), "jpg"), 6, "c", "a");
        Path file = write(jpeg);

        RenditionMaker.Made made = make(file, EmbeddedMetadata.of(file), FocalPoint.CENTRE);

        assertThat(made.width()).isEqualTo(40);
        assertThat(made.height()).isEqualTo(80);
        BufferedImage original = decode(made, "original");
        assertThat(original.getWidth()).isEqualTo(40);
        assertThat(original.getHeight()).isEqualTo(80);
        assertThat(isRed(original.getRGB(37, 40))).as("the top is now on the right").isTrue();
        assertThat(isRed(original.getRGB(2, 40))).isFalse();
    }

    @Test
    void makesEveryFormAtItsSizeInTheFormatOfTheUpload() throws Exception {
        Path png = write(TestImages.encode(TestImages.smooth(1700, 850), "png"));

        RenditionMaker.Made made = make(png, EmbeddedMetadata.NONE, FocalPoint.CENTRE);

        Map<String, String> sizes = made.renditions().stream().collect(Collectors.toMap(RenditionMaker.Encoded::name,
                r -> r.width() + "x" + r.height() + " " + r.contentType()));
        assertThat(sizes).containsExactlyInAnyOrderEntriesOf(Map.of(
                "original", "1700x850 image/png", "w320", "320x160 image/png", "w640", "640x320 image/png",
                "w1024", "1024x512 image/png", "w1600", "1600x800 image/png", "crop-1x1", "850x850 image/png",
                "crop-4x3", "1133x850 image/png", "crop-16x9", "1200x675 image/png"));
        for (RenditionMaker.Encoded rendition : made.renditions()) {
            BufferedImage served = ImageIO.read(new ByteArrayInputStream(rendition.bytes()));
            assertThat(served.getWidth() + "x" + served.getHeight()).as(rendition.name())
                    .isEqualTo(rendition.width() + "x" + rendition.height());
        }
    }

    @Test
    void servesTheSamePictureOnceWhenASmallImageHasNoSmallerForm() throws Exception {
        Path jpeg = write(TestImages.random("jpg", 200, 100));

        RenditionMaker.Made made = make(jpeg, EmbeddedMetadata.NONE, FocalPoint.CENTRE);

        Map<String, String> hashes = made.renditions().stream().collect(Collectors.toMap(
                RenditionMaker.Encoded::name, RenditionMaker.Encoded::sha256));
        assertThat(hashes.get("w320")).isEqualTo(hashes.get("original")).isEqualTo(hashes.get("w1600"));
        assertThat(hashes.get("crop-1x1")).isNotEqualTo(hashes.get("original"));
        assertThat(made.renditions()).allSatisfy(r -> assertThat(r.contentType()).isEqualTo("image/jpeg"));
    }

    @Test
    void cropsAroundTheFocalPoint() throws Exception {
        // a red square at 90 % across; the centred square crop (350..1250) would miss it
        Path png = write(TestImages.encode(TestImages.withRedSquare(1600, 900, 1440, 450, 40), "png"));

        BufferedImage focused = decode(make(png, EmbeddedMetadata.NONE, new FocalPoint(0.9, 0.5)), "crop-1x1");
        BufferedImage centred = decode(make(png, EmbeddedMetadata.NONE, FocalPoint.CENTRE), "crop-1x1");

        assertThat(focused.getWidth()).isEqualTo(900);
        assertThat(containsRed(focused)).isTrue();
        assertThat(containsRed(centred)).isFalse();
    }

    @Test
    void takesTheFirstFrameOfAnAnimatedGifAndServesItAsPng() throws Exception {
        Path gif = write(TestImages.animatedGif(60, 40));

        RenditionMaker.Made made = make(gif, EmbeddedMetadata.NONE, FocalPoint.CENTRE);

        RenditionMaker.Encoded original = made.renditions().get(0);
        assertThat(original.contentType()).isEqualTo("image/png");
        BufferedImage frame = ImageIO.read(new ByteArrayInputStream(original.bytes()));
        assertThat(isRed(frame.getRGB(30, 20)) || isRed(frame.getRGB(31, 21))).as("the first frame is red").isTrue();
    }

    @Test
    void decodesWebpAndServesAnOpaqueOneAsJpeg() throws Exception {
        Path webp = write(TestImages.webp(400, 300, 0xCC2200));

        RenditionMaker.Made made = make(webp, EmbeddedMetadata.NONE, FocalPoint.CENTRE);

        RenditionMaker.Encoded w320 = made.renditions().stream().filter(r -> r.name().equals("w320")).findFirst()
                .orElseThrow();
        assertThat(w320.contentType()).isEqualTo("image/jpeg");
        BufferedImage served = ImageIO.read(new ByteArrayInputStream(w320.bytes()));
        assertThat(served.getWidth()).isEqualTo(320);
        assertThat(served.getHeight()).isEqualTo(240);
        assertThat(isRed(served.getRGB(160, 120))).isTrue();
    }

    private RenditionMaker.Made make(Path file, EmbeddedMetadata embedded, FocalPoint focal) throws IOException {
        return maker.make(file, inspector.inspect(file), embedded, focal);
    }

    private Path write(byte[] content) throws IOException {
        Path file = Files.createTempFile(dir, "upload", ".bin");
        Files.write(file, content);
        return file;
    }

    private static BufferedImage decode(RenditionMaker.Made made, String name) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(made.renditions().stream().filter(r -> r.name().equals(name))
                .findFirst().orElseThrow().bytes()));
    }

    static boolean isRed(int rgb) {
        int r = (rgb >> 16) & 0xFF;
        int g = (rgb >> 8) & 0xFF;
        int b = rgb & 0xFF;
        return r > 180 && g < 90 && b < 90;
    }

    static boolean containsRed(BufferedImage image) {
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                if (isRed(image.getRGB(x, y))) {
                    return true;
                }
            }
        }
        return false;
    }
}
