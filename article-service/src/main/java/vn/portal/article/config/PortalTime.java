package vn.portal.article.config;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import vn.portal.platform.text.VietnameseText;

/** The portal's time zone, Asia/Ho_Chi_Minh: every date the APIs answer with is in it ({@code +07:00}). */
public final class PortalTime {

    public static final ZoneId ZONE = VietnameseText.ZONE;

    private PortalTime() {
    }

    /** The instant as a local date-time with its offset, or null. */
    public static OffsetDateTime local(Instant instant) {
        return instant == null ? null : instant.atZone(ZONE).toOffsetDateTime();
    }
}
