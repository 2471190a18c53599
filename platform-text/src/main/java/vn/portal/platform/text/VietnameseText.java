package vn.portal.platform.text;

import java.text.Normalizer;
import java.time.ZoneId;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Vietnamese text as the whole platform writes it: the portal's time zone, diacritic folding (the
 * form search matches in, {@code "Đảng"} folds to {@code "dang"}) and the rating line.
 */
public final class VietnameseText {

    /** The portal's time zone: every date an API answers or a page prints is in it ({@code +07:00}). */
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private VietnameseText() {
    }

    /**
     * Lowercase, tone and other marks removed, {@code đ}/{@code Đ} to {@code d} (Unicode does not
     * decompose them): {@code "Đảng"} becomes {@code "dang"}.
     */
    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD);
        return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
    }

    /**
     * {@link #fold(String)} of one character, as one character: in a text in NFC each character
     * folds to exactly one, so positions in the folded text are those of the original (for
     * marking matches in the text as printed).
     */
    public static char fold(char c) {
        if (c == 'đ' || c == 'Đ') {
            return 'd';
        }
        if (c < 0x80) {
            return Character.toLowerCase(c);
        }
        return Character.toLowerCase(Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).charAt(0));
    }

    /** The article page's rating line: "Tổng số điểm của bài viết là: 4 trong 1 đánh giá". */
    public static String ratingLine(long points, long count) {
        return "Tổng số điểm của bài viết là: " + points + " trong " + count + " đánh giá";
    }
}
