package vn.portal.media.image;

import static vn.portal.platform.web.Problems.problem;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Decides whether an upload may be processed, cheapest check first and nothing decoded: the real
 * type from the magic numbers; the pixel count from the header alone (a decompression bomb is
 * refused here, having cost a few hundred bytes of reading); then one streaming pass for the hash,
 * the structure up to the end of the image, and active content.
 */
final class UploadInspector {

    private final long maxPixels;

    UploadInspector(long maxPixels) {
        this.maxPixels = maxPixels;
    }

    /** What the upload is. {@code width} and {@code height} as stored, before any EXIF orientation. */
    record Inspected(ImageType type, int width, int height, long bytes, String sha256) {
    }

    Inspected inspect(Path upload) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(upload)) {
            head = in.readNBytes(ImageType.MAGIC_LENGTH);
        }
        if (head.length == 0) {
            throw problem(HttpStatus.BAD_REQUEST, "empty-file", "The uploaded file is empty");
        }
        ImageType type = ImageType.detect(head).orElseThrow(() -> problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "unsupported-image-type", "Only JPEG, PNG, WebP and GIF images are accepted; these bytes are none of them"));
        int[] size = headerSize(type, upload);
        long pixels = (long) size[0] * size[1];
        if (pixels > maxPixels) {
            ErrorResponseException tooMany = problem(HttpStatus.CONTENT_TOO_LARGE, "too-many-pixels",
                    "The image declares " + size[0] + " x " + size[1] + " pixels; at most " + maxPixels
                            + " pixels are accepted");
            tooMany.getBody().setProperty("maxPixels", maxPixels);
            throw tooMany;
        }
        ImageStructure.Scan scan;
        try (InputStream in = Files.newInputStream(upload)) {
            scan = ImageStructure.scan(type, in);
        } catch (ImageStructure.TruncatedException | ImageStructure.CorruptException e) {
            throw unreadable(e.getMessage());
        } catch (ImageStructure.MetadataTooLargeException e) {
            throw problem(HttpStatus.CONTENT_TOO_LARGE, "metadata-too-large",
                    "The image carries more metadata than a photo does (" + e.getMessage() + "); it is refused");
        }
        if (scan.activeContent() != null) {
            throw problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "polyglot-image",
                    "The file is an image and also holds HTML or script (" + scan.activeContent() + "); it is refused");
        }
        return new Inspected(type, size[0], size[1], scan.bytes(), scan.sha256());
    }

    /** Width and height from the header: readers parse no pixel data for these. */
    private static int[] headerSize(ImageType type, Path upload) throws IOException {
        ImageReader reader = reader(type);
        try (ImageInputStream in = new FileImageInputStream(upload.toFile())) {
            reader.setInput(in, true, true);
            int[] size = {reader.getWidth(0), reader.getHeight(0)};
            if (size[0] < 1 || size[1] < 1) {
                throw unreadable("the header declares no pixels");
            }
            return size;
        } catch (IOException | RuntimeException e) {
            if (e instanceof ErrorResponseException problem) {
                throw problem;
            }
            // readers throw unchecked exceptions too on corrupt headers
            throw unreadable("the image header cannot be read");
        } finally {
            reader.dispose();
        }
    }

    static ImageReader reader(ImageType type) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(type.contentType());
        if (!readers.hasNext()) {
            throw new IllegalStateException("no ImageIO reader for " + type.contentType());
        }
        return readers.next();
    }

    static ErrorResponseException unreadable(String reason) {
        return problem(HttpStatus.BAD_REQUEST, "unreadable-image",
                "The image cannot be read: the file is truncated or corrupt (" + reason + ")");
    }
}
