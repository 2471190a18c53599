package vn.portal.platform.slug;

import java.util.regex.Pattern;
import vn.portal.platform.text.VietnameseText;

/**
 * Vietnamese-correct URL slugs: lowercase, tone marks and other diacritics removed, {@code đ} and
 * {@code Đ} to {@code d} (Unicode does not decompose them), every run of anything else one hyphen,
 * at most {@value #MAX_LENGTH} characters cut at a word boundary.
 */
public final class Slugs {

    public static final int MAX_LENGTH = 80;
    private static final Pattern NOT_ALNUM = Pattern.compile("[^a-z0-9]+");

    private Slugs() {
    }

    public static String of(String text) {
        String slug = NOT_ALNUM.matcher(VietnameseText.fold(text)).replaceAll("-");
        slug = trimHyphens(slug);
        if (slug.length() > MAX_LENGTH) {
            int cut = slug.lastIndexOf('-', MAX_LENGTH);
            slug = trimHyphens(slug.substring(0, cut > 0 ? cut : MAX_LENGTH));
        }
        return slug.isEmpty() ? "bai-viet" : slug;
    }

    private static String trimHyphens(String slug) {
        int start = 0;
        int end = slug.length();
        while (start < end && slug.charAt(start) == '-') {
            start++;
        }
        while (end > start && slug.charAt(end - 1) == '-') {
            end--;
        }
        return slug.substring(start, end);
    }
}
