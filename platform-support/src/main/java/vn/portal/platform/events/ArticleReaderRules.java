package vn.portal.platform.events;

import java.util.List;
import java.util.regex.Pattern;
import vn.portal.contracts.ArticleImage;
import vn.portal.contracts.ArticlePublished;
import vn.portal.platform.text.PlainText;

/**
 * What a reader may be shown of an article event, on top of its JSON Schema, checked the same way
 * by every service that acts on one (article-service adds the body: sanitized, still readable): a
 * title with words, within its length; plain text wherever the contract says so (title, lead,
 * byline, section, tags, correction note, captions, alt texts, credits); image URLs a browser may
 * load; dates in order. A broken event is a {@link Refused}: dead-lettered with the reason, never
 * half-applied.
 */
public final class ArticleReaderRules {

    public static final int MAX_TITLE = 300;
    public static final int MAX_LEAD = 2000;
    private static final Pattern LETTER_OR_DIGIT = Pattern.compile("[\\p{L}\\p{N}]");

    private ArticleReaderRules() {
    }

    /** @throws Refused saying why the event cannot be shown */
    public static void check(ArticlePublished event) {
        String title = event.title() == null ? "" : event.title().strip();
        if (!LETTER_OR_DIGIT.matcher(title).find()) {
            throw new Refused(event, "title is empty");
        }
        if (title.length() > MAX_TITLE) {
            throw new Refused(event, "title is longer than " + MAX_TITLE + " characters");
        }
        plainText(event, "title", title);
        if (event.lead() != null) {
            if (event.lead().length() > MAX_LEAD) {
                throw new Refused(event, "lead is longer than " + MAX_LEAD + " characters");
            }
            plainText(event, "lead", event.lead());
        }
        plainText(event, "author", event.author());
        plainText(event, "category", event.category());
        if (event.updatedAt().isBefore(event.publishedAt())) {
            throw new Refused(event, "updatedAt is before publishedAt");
        }
        List<ArticleImage> images = event.images() == null ? List.of() : event.images();
        for (int i = 0; i < images.size(); i++) {
            ArticleImage image = images.get(i);
            if (image == null || !PlainText.isLoadable(image.url())) {
                throw new Refused(event, "image URL is neither relative nor http(s): "
                        + (image == null ? null : abbreviate(image.url())));
            }
            plainText(event, "images[" + i + "].caption", image.caption());
            plainText(event, "images[" + i + "].alt", image.alt());
            plainText(event, "images[" + i + "].credit", image.credit());
        }
        List<String> tags = event.tags() == null ? List.of() : event.tags();
        for (int i = 0; i < tags.size(); i++) {
            plainText(event, "tags[" + i + "]", tags.get(i));
        }
        plainText(event, "correctionNote", event.correctionNote());
    }

    private static void plainText(ArticlePublished event, String field, String text) {
        String problem = PlainText.problem(text);
        if (problem != null) {
            throw new Refused(event, field + " " + problem);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "...";
    }

    /** An event a reader cannot be shown; the message names the article and revision, {@link #reason()} not. */
    public static class Refused extends InvalidEventException {

        private final String reason;

        public Refused(ArticlePublished event, String reason) {
            super("article " + event.articleId() + " revision " + event.revision() + ": " + reason);
            this.reason = reason;
        }

        /** What is wrong, in words: "body is empty after sanitizing". */
        public String reason() {
            return reason;
        }
    }
}
