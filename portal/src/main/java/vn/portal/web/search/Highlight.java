package vn.portal.web.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.web.util.HtmlUtils;
import vn.portal.platform.text.VietnameseText;

/**
 * The words of a search marked in a text, diacritics ignored as the search ignores them: "thi dua"
 * marks "thi đua". The text is escaped; only the {@code <mark>} elements are markup.
 */
final class Highlight {

    private Highlight() {
    }

    static String mark(String text, String query) {
        if (text == null) {
            return "";
        }
        text = Normalizer.normalize(text, Normalizer.Form.NFC); // one character folds to one
        char[] folding = text.toCharArray();
        for (int i = 0; i < folding.length; i++) {
            folding[i] = VietnameseText.fold(folding[i]);
        }
        String folded = new String(folding);
        boolean[] marked = new boolean[text.length()];
        for (String word : words(query)) {
            for (int at = folded.indexOf(word); at >= 0; at = folded.indexOf(word, at + word.length())) {
                if (startsWord(folded, at) && endsWord(folded, at + word.length())) {
                    Arrays.fill(marked, at, at + word.length(), true);
                }
            }
        }
        joinNeighbours(text, marked);
        StringBuilder out = new StringBuilder(text.length() + 32);
        int i = 0;
        while (i < text.length()) {
            int j = i;
            while (j < text.length() && marked[j] == marked[i]) {
                j++;
            }
            String part = HtmlUtils.htmlEscape(text.substring(i, j), "UTF-8");
            out.append(marked[i] ? "<mark>" + part + "</mark>" : part);
            i = j;
        }
        return out.toString();
    }

    /** "thi" and "đua" marked with only spaces between them are marked as one: "thi đua". */
    private static void joinNeighbours(String text, boolean[] marked) {
        int lastMarked = -1;
        for (int i = 0; i < text.length(); i++) {
            if (!marked[i]) {
                continue;
            }
            if (lastMarked >= 0 && lastMarked < i - 1 && text.substring(lastMarked + 1, i).isBlank()) {
                Arrays.fill(marked, lastMarked + 1, i, true);
            }
            lastMarked = i;
        }
    }

    static List<String> words(String query) {
        List<String> words = new ArrayList<>();
        if (query != null) {
            for (String word : VietnameseText.fold(query).split("[^\\p{L}\\p{N}]+")) {
                if (!word.isEmpty() && words.size() < 10) {
                    words.add(word);
                }
            }
        }
        return words;
    }

    private static boolean startsWord(String text, int at) {
        return at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1));
    }

    private static boolean endsWord(String text, int end) {
        return end >= text.length() || !Character.isLetterOrDigit(text.charAt(end));
    }
}
