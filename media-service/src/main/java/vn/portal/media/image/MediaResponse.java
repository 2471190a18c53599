package vn.portal.media.image;

import vn.portal.platform.text.VietnameseText;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An image's metadata as clients get it; dates in the portal's time zone, Asia/Ho_Chi_Minh.
 * {@code width} and {@code height} are the upload's displayed size (after its EXIF orientation);
 * {@code bytes} and {@code sha256} are the upload's. {@code altMissing} is true until the image has
 * alt text, which it needs before it may appear in a published article.
 */
record MediaResponse(String id, String contentType, int width, int height, long bytes, String sha256,
                     String caption, String alt, boolean altMissing, String credit, String copyright,
                     String album, String albumId, FocalPoint focalPoint, List<Rendition> renditions,
                     OffsetDateTime uploadedAt) {

    /** One served form: where, its size and type. */
    record Rendition(String name, int width, int height, String contentType, long bytes, String url) {
    }

    static MediaResponse of(Media m) {
        List<Rendition> renditions = m.renditions() == null ? List.of() : m.renditions().stream()
                .map(r -> new Rendition(r.name(), r.width(), r.height(), r.contentType(), r.bytes(), m.url(r.name())))
                .toList();
        return new MediaResponse(m.id(), m.contentType(), m.width(), m.height(), m.bytes(), m.sha256(),
                m.caption(), m.alt(), m.altMissing(), m.credit(), m.copyright(), m.album(), m.albumId(),
                m.focalPoint(), renditions, m.uploadedAt().atZone(VietnameseText.ZONE).toOffsetDateTime());
    }
}
