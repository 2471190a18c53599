package vn.portal.media.image;

import static vn.portal.media.Problems.problem;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * What the bytes of an upload really are: the type from the magic numbers, the pixel size from
 * the header alone. Nothing is decoded, so a huge or hostile image costs no memory here.
 */
record ProbedImage(ImageType type, int width, int height) {

    static ProbedImage of(byte[] content) {
        if (content.length == 0) {
            throw problem(HttpStatus.BAD_REQUEST, "empty-file", "The uploaded file is empty");
        }
        // WebP is recognised but refused for now: the JDK's ImageIO has no WebP reader, so neither
        // the pixel size (the contract requires width and height >= 1) nor, later, renditions
        // could be made. It comes with the renditions issue.
        ImageType type = ImageType.detect(content).orElseThrow(() -> ImageType.isWebp(content)
                ? unsupported("WebP images are not accepted yet; upload JPEG, PNG or GIF")
                : unsupported("Only JPEG, PNG and GIF images are accepted; these bytes are none of them"));
        int[] size = pixelSize(type, content);
        if (size[0] < 1 || size[1] < 1) {
            throw unreadable();
        }
        return new ProbedImage(type, size[0], size[1]);
    }

    private static int[] pixelSize(ImageType type, byte[] content) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(type.contentType());
        if (!readers.hasNext()) {
            throw new IllegalStateException("no ImageIO reader for " + type.contentType());
        }
        ImageReader reader = readers.next();
        // the bytes are in memory already: a memory-cached stream, not ImageIO's temporary-file cache
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(content))) {
            reader.setInput(in, true, true);
            return new int[] {reader.getWidth(0), reader.getHeight(0)};
        } catch (IOException | RuntimeException e) {
            // readers throw unchecked exceptions too on corrupt headers
            throw unreadable();
        } finally {
            reader.dispose();
        }
    }

    private static ErrorResponseException unsupported(String detail) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-image-type", detail);
    }

    private static ErrorResponseException unreadable() {
        return problem(HttpStatus.BAD_REQUEST, "unreadable-image",
                "The image header cannot be read: the file is truncated or corrupt");
    }
}
