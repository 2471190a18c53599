package vn.portal.article.text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the read model stores so that search works without {@code $text}: the exact and folded
 * words of the title and of the body text, and {@code tokens}, every folded word of both, which
 * a query matches with {@code $all}. MongoDB can index {@code tokens} (a multikey index); the
 * ranking uses the four other lists.
 */
public record SearchFields(List<String> titleWords, List<String> titleFolded, List<String> bodyWords,
                           List<String> bodyFolded, List<String> tokens) {

    /** Body words beyond this many distinct words are not searchable; a sane article has far fewer. */
    public static final int MAX_BODY_WORDS = 5_000;

    public static SearchFields of(String title, String bodyText) {
        List<String> titleWords = SearchText.words(title);
        List<String> bodyWords = SearchText.words(bodyText);
        if (bodyWords.size() > MAX_BODY_WORDS) {
            bodyWords = bodyWords.subList(0, MAX_BODY_WORDS);
        }
        List<String> titleFolded = SearchText.fold(titleWords);
        List<String> bodyFolded = SearchText.fold(bodyWords);
        Set<String> tokens = new LinkedHashSet<>(titleFolded);
        tokens.addAll(bodyFolded);
        return new SearchFields(titleWords, titleFolded, List.copyOf(bodyWords), bodyFolded,
                new ArrayList<>(tokens));
    }
}
