package vn.portal.article.ingest;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import vn.portal.contracts.ArticleImage;
import vn.portal.contracts.ArticlePublished;
import vn.portal.platform.events.InvalidEventException;

/**
 * The rules a reader needs, on top of the JSON Schema that {@code IncomingEvents} already checked:
 * a real title and lead (plain text, no markup, sane length), a body that still says something
 * after sanitizing, image URLs a browser may load, dates in order. A broken event is an
 * {@link InvalidEventException}: dead-lettered with the reason, never half-applied.
 */
@Component
class ArticleRules {

    static final int MAX_TITLE = 300;
    static final int MAX_BODY_TEXT = 200_000;
    private static final Pattern MARKUP = Pattern.compile("<\\s*/?\\s*[a-zA-Z!][^>]*>");
    private static final Pattern LETTER_OR_DIGIT = Pattern.compile("[\\p{L}\\p{N}]");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\t\\n\\r]]");

    private final BodySanitizer sanitizer;

    ArticleRules(BodySanitizer sanitizer) {
        this.sanitizer = sanitizer;
    }

    /** The event with its body sanitized, and the body's text; or why it cannot be shown. */
    Accepted check(ArticlePublished event) {
        String title = event.title() == null ? "" : event.title().strip();
        if (!LETTER_OR_DIGIT.matcher(title).find()) {
            throw invalid(event, "title is empty");
        }
        if (title.length() > MAX_TITLE) {
            throw invalid(event, "title is longer than " + MAX_TITLE + " characters");
        }
        plainText(event, "title", title);
        if (event.lead() != null) {
            plainText(event, "lead", event.lead());
        }
        if (event.updatedAt().isBefore(event.publishedAt())) {
            throw invalid(event, "updatedAt is before publishedAt");
        }
        for (ArticleImage image : event.images() == null ? List.<ArticleImage>of() : event.images()) {
            if (!isLoadable(image.url())) {
                throw invalid(event, "image URL is neither relative nor http(s): " + abbreviate(image.url()));
            }
        }
        BodySanitizer.Sanitized body = sanitizer.sanitize(event.bodyHtml());
        if (!body.readable()) {
            throw invalid(event, "body is empty after sanitizing");
        }
        if (body.text().length() > MAX_BODY_TEXT) {
            throw invalid(event, "body text is longer than " + MAX_BODY_TEXT + " characters");
        }
        ArticlePublished safe = new ArticlePublished(event.articleId(), event.revision(), event.slug(), title,
                event.lead() == null ? null : event.lead().strip(), body.html(), event.images(), event.author(),
                event.category(), event.tags(), event.language(), event.publishedAt(), event.updatedAt(),
                event.correctionNote());
        return new Accepted(safe, body.text());
    }

    private static void plainText(ArticlePublished event, String field, String text) {
        if (MARKUP.matcher(text).find()) {
            throw invalid(event, field + " contains HTML markup");
        }
        if (CONTROL.matcher(text).find()) {
            throw invalid(event, field + " contains control characters");
        }
    }

    private static boolean isLoadable(String url) {
        String u = url.strip().toLowerCase(Locale.ROOT);
        return (u.startsWith("/") && !u.startsWith("//")) || u.startsWith("https://") || u.startsWith("http://");
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "...";
    }

    private static InvalidEventException invalid(ArticlePublished event, String reason) {
        return new InvalidEventException("article " + event.articleId() + " revision " + event.revision() + ": "
                + reason);
    }

    /**
     * @param event    the event with its body sanitized
     * @param bodyText the visible text of the body, for search
     */
    record Accepted(ArticlePublished event, String bodyText) {
    }
}
