package vn.portal.web.support;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import vn.portal.platform.text.VietnameseText;

/** Dates as Vietnamese readers read them, in the portal's time zone. */
public final class VietnameseDates {

    private static final String[] WEEKDAYS = {"Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"};
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private VietnameseDates() {
    }

    /** "Thứ Tư, 31/01/2024 10:00". */
    public static String dateTime(OffsetDateTime at) {
        if (at == null) {
            return "";
        }
        OffsetDateTime local = at.atZoneSameInstant(VietnameseText.ZONE).toOffsetDateTime();
        return WEEKDAYS[local.getDayOfWeek().getValue() - 1] + ", " + DATE_TIME.format(local);
    }

    /** "2024-01-31T10:00:00+07:00": ISO 8601 in the portal's time zone, for machines. */
    public static String iso(OffsetDateTime at) {
        return at == null ? "" : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atZoneSameInstant(VietnameseText.ZONE));
    }

    /** "31/01/2024". */
    public static String date(OffsetDateTime at) {
        return at == null ? "" : DATE.format(at.atZoneSameInstant(VietnameseText.ZONE));
    }
}
