package vn.portal.media.image;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import vn.portal.contracts.MediaRendition;

/** An image's metadata as clients get it; dates in the portal's time zone, Asia/Ho_Chi_Minh. */
record MediaResponse(String id, String contentType, int width, int height, long bytes, String sha256,
                     String caption, String alt, String credit, List<MediaRendition> renditions,
                     OffsetDateTime uploadedAt) {

    static final ZoneId PORTAL_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    static MediaResponse of(Media m) {
        return new MediaResponse(m.id(), m.contentType(), m.width(), m.height(), m.bytes(), m.sha256(),
                m.caption(), m.alt(), m.credit(), m.renditions(),
                m.uploadedAt().atZone(PORTAL_ZONE).toOffsetDateTime());
    }
}
