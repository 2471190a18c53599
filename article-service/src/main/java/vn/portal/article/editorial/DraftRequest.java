package vn.portal.article.editorial;

import java.util.ArrayList;
import java.util.List;
import vn.portal.contracts.ArticleImage;

/** What an editor writes. The body is HTML; it is sanitized when the article is ingested. */
record DraftRequest(String title, String lead, String bodyHtml, List<ArticleImage> images, String author,
                    String category, List<String> tags) {

    static final int MAX_TITLE = 300;
    static final int MAX_LEAD = 2000;
    static final int MAX_BODY = 1_000_000;

    /** What is wrong with it, in words; empty when nothing is. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (title == null || title.isBlank()) {
            problems.add("title is required");
        } else if (title.strip().length() > MAX_TITLE) {
            problems.add("title is longer than " + MAX_TITLE + " characters");
        }
        if (bodyHtml == null || bodyHtml.isBlank()) {
            problems.add("bodyHtml is required");
        } else if (bodyHtml.length() > MAX_BODY) {
            problems.add("bodyHtml is longer than " + MAX_BODY + " characters");
        }
        if (lead != null && lead.length() > MAX_LEAD) {
            problems.add("lead is longer than " + MAX_LEAD + " characters");
        }
        if (images != null && images.stream().anyMatch(image -> image == null || image.url() == null
                || image.url().isBlank())) {
            problems.add("every image needs a url");
        }
        if (tags != null && (tags.size() > 50 || tags.stream().anyMatch(tag -> tag == null || tag.isBlank()))) {
            problems.add("tags must be at most 50 non-empty words");
        }
        return problems;
    }
}
