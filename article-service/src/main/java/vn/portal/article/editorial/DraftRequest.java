package vn.portal.article.editorial;

import java.util.ArrayList;
import java.util.List;
import vn.portal.article.rules.ArticleRules;
import vn.portal.contracts.ArticleImage;

/**
 * What an editor writes. The body is HTML; it is sanitized when the article is ingested. The
 * limits are those of the {@code ArticlePublished} contract and of the ingest's rules, so that a
 * draft saved is one that can be published (whether the body still says something once sanitized
 * is checked when publishing).
 */
record DraftRequest(String title, String lead, String bodyHtml, List<ArticleImage> images, String author,
                    String category, List<String> tags) {

    static final int MAX_TITLE = ArticleRules.MAX_TITLE;
    static final int MAX_LEAD = 2000;
    static final int MAX_BODY = 1_000_000;
    static final int MAX_AUTHOR = 200;
    static final int MAX_CATEGORY = 200;
    static final int MAX_TAGS = 50;
    static final int MAX_TAG = 100;
    static final int MAX_IMAGES = 200;
    static final int MAX_MEDIA_ID = 64;
    static final int MAX_URL = 2000;
    static final int MAX_CAPTION = 2000;
    static final int MAX_ALT = 1000;
    static final int MAX_CREDIT = 500;

    /** What is wrong with it, in words; empty when nothing is. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (title == null || title.isBlank()) {
            problems.add("title is required");
        } else {
            text(problems, "title", title.strip(), MAX_TITLE);
        }
        if (bodyHtml == null || bodyHtml.isBlank()) {
            problems.add("bodyHtml is required");
        } else {
            longer(problems, "bodyHtml", bodyHtml, MAX_BODY);
        }
        text(problems, "lead", lead, MAX_LEAD);
        text(problems, "author", author, MAX_AUTHOR);
        text(problems, "category", category, MAX_CATEGORY);
        if (tags != null) {
            if (tags.size() > MAX_TAGS || tags.stream().anyMatch(tag -> tag == null || tag.isBlank())) {
                problems.add("tags must be at most " + MAX_TAGS + " non-empty words");
            } else if (tags.stream().anyMatch(tag -> tag.length() > MAX_TAG)) {
                problems.add("a tag is longer than " + MAX_TAG + " characters");
            } else {
                for (int i = 0; i < tags.size(); i++) {
                    text(problems, "tags[" + i + "]", tags.get(i), MAX_TAG);
                }
            }
        }
        if (images != null) {
            if (images.size() > MAX_IMAGES) {
                problems.add("at most " + MAX_IMAGES + " images");
            }
            for (int i = 0; i < images.size(); i++) {
                image(problems, "images[" + i + "]", images.get(i));
            }
        }
        return problems;
    }

    private static void image(List<String> problems, String name, ArticleImage image) {
        if (image == null || image.url() == null || image.url().isBlank()) {
            problems.add("every image needs a url");
            return;
        }
        if (image.url().length() > MAX_URL) {
            problems.add(name + ".url is longer than " + MAX_URL + " characters");
        } else if (!ArticleRules.isLoadable(image.url())) {
            problems.add(name + ".url must be http(s):// or a path such as /api/media/...");
        }
        longer(problems, name + ".mediaId", image.mediaId(), MAX_MEDIA_ID);
        text(problems, name + ".caption", image.caption(), MAX_CAPTION);
        text(problems, name + ".alt", image.alt(), MAX_ALT);
        text(problems, name + ".credit", image.credit(), MAX_CREDIT);
    }

    /** @return whether it is within its length */
    private static boolean longer(List<String> problems, String field, String value, int max) {
        if (value != null && value.length() > max) {
            problems.add(field + " is longer than " + max + " characters");
            return false;
        }
        return true;
    }

    /** Plain text within its length; the length is checked first, so no pattern ever reads an overlong value. */
    private static void text(List<String> problems, String field, String value, int max) {
        if (!longer(problems, field, value, max)) {
            return;
        }
        String problem = ArticleRules.plainTextProblem(value);
        if (problem != null) {
            problems.add(field + " " + problem);
        }
    }
}
