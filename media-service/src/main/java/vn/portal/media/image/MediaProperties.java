package vn.portal.media.image;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits and settings of image processing. The maximum file size is not here: it is the
 * container's streamed multipart limit, {@code spring.servlet.multipart.max-file-size}.
 *
 * @param maxPixels          the most pixels (width x height, read from the header) an upload may
 *                           declare; more is refused before anything is decoded
 * @param originalMaxSide    the longest side of the served {@code original}: larger uploads are
 *                           scaled down to it (as WordPress does at 2560 px); the upload itself is
 *                           kept, private, for re-processing
 * @param jpegQuality        quality of the JPEG renditions, 0..1
 * @param concurrentDecodes  how many uploads are decoded at once; more wait their turn, so that
 *                           memory stays bounded under a burst of uploads
 */
@ConfigurationProperties("media")
record MediaProperties(
        @DefaultValue("50000000") long maxPixels,
        @DefaultValue("2560") int originalMaxSide,
        @DefaultValue("0.85") float jpegQuality,
        @DefaultValue("2") int concurrentDecodes) {
}
