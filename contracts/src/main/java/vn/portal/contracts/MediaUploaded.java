package vn.portal.contracts;

import java.time.Instant;
import java.util.List;

/**
 * A new image and its renditions. Key: mediaId.
 *
 * @param mediaId     stable id of the image
 * @param contentType the real type, detected from the bytes
 * @param width       pixels of the original
 * @param height      pixels of the original
 * @param bytes       size of the original
 * @param sha256      hex digest of the original, the deduplication key
 * @param caption     may be null
 * @param alt         alternative text, may be null until an editor adds it
 * @param credit      photographer or source, may be null
 * @param renditions  what is served
 * @param uploadedAt  when it was stored
 */
public record MediaUploaded(String mediaId, String contentType, int width, int height, long bytes,
                            String sha256, String caption, String alt, String credit,
                            List<MediaRendition> renditions, Instant uploadedAt) {
}
