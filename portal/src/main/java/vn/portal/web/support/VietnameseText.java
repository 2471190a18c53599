package vn.portal.web.support;

import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates, slugs and diacritic folding as Vietnamese readers expect them. */
public final class VietnameseText {

    public static final ZoneId PORTAL_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String[] WEEKDAYS = {"Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"};
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private VietnameseText() {
    }

    /** "Thứ Tư, 31/01/2024 10:00", in the portal's time zone. */
    public static String dateTime(OffsetDateTime at) {
        if (at == null) {
            return "";
        }
        OffsetDateTime local = at.atZoneSameInstant(PORTAL_ZONE).toOffsetDateTime();
        return WEEKDAYS[local.getDayOfWeek().getValue() - 1] + ", " + DATE_TIME.format(local);
    }

    /** "2024-01-31T10:00:00+07:00": ISO 8601 in the portal's time zone, for machines. */
    public static String iso(OffsetDateTime at) {
        return at == null ? "" : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atZoneSameInstant(PORTAL_ZONE));
    }

    /** "31/01/2024". */
    public static String date(OffsetDateTime at) {
        return at == null ? "" : DATE.format(at.atZoneSameInstant(PORTAL_ZONE));
    }

    /**
     * One character without its diacritics, lower case: "Đ" and "đ" become "d", "ố" becomes "o".
     * Each character folds to exactly one, so positions in a folded text are those of the original.
     */
    public static char fold(char c) {
        if (c == 'đ' || c == 'Đ') {
            return 'd';
        }
        if (c < 0x80) {
            return Character.toLowerCase(c);
        }
        String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
        return Character.toLowerCase(decomposed.charAt(0));
    }

    /** A text folded character by character (see {@link #fold(char)}); as long as the text. */
    public static String fold(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = fold(chars[i]);
        }
        return new String(chars);
    }

    /** "Tin tức - Sự kiện" becomes "tin-tuc-su-kien". */
    public static String slug(String text) {
        String folded = fold(Normalizer.normalize(text, Normalizer.Form.NFC)).toLowerCase(Locale.ROOT);
        return folded.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }
}
