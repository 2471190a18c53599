package vn.portal.article.text;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import vn.portal.platform.text.VietnameseText;

/**
 * Words of Vietnamese text as search needs them, in two forms: <em>exact</em> (lowercase, the
 * diacritics kept, NFC) and <em>folded</em> (lowercase, tone and other marks removed, {@code đ}
 * to {@code d}). {@code "Đảng"} is exact {@code "đảng"} and folded {@code "dang"}.
 */
public final class SearchText {

    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private SearchText() {
    }

    /** The distinct exact words of {@code text}, in order of first appearance. */
    public static List<String> words(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String lower = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        Set<String> words = new LinkedHashSet<>();
        for (String word : NOT_A_WORD.split(lower)) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return List.copyOf(words);
    }

    /** The distinct folded words of {@code text}. */
    public static List<String> folded(String text) {
        return fold(words(text));
    }

    /** Folds exact words, keeping them distinct. */
    public static List<String> fold(List<String> words) {
        Set<String> folded = new LinkedHashSet<>();
        for (String word : words) {
            folded.add(fold(word));
        }
        return List.copyOf(folded);
    }

    /** One word without its marks: {@code "đảng"} becomes {@code "dang"}. */
    public static String fold(String word) {
        return VietnameseText.fold(word);
    }
}
