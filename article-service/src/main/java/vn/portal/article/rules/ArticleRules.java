package vn.portal.article.rules;

import org.springframework.stereotype.Component;
import vn.portal.contracts.ArticlePublished;
import vn.portal.platform.events.ArticleReaderRules;
import vn.portal.platform.events.InvalidEventException;
import vn.portal.platform.text.PlainText;

/**
 * The rules a reader needs, on top of the JSON Schema that {@code IncomingEvents} already checked:
 * {@link ArticleReaderRules} (which rating-service and media-service apply too: a real title,
 * plain text where the contract says so, image URLs a browser may load, dates in order), and a
 * body that still says something after sanitizing. A broken event is an
 * {@link InvalidEventException} ({@link Refused}): dead-lettered with the reason, never half-applied.
 *
 * <p>The ingest applies them to every event it reads, and the editorial API to every event it is
 * about to produce, so that it refuses up front what the ingest would dead-letter.
 */
@Component
public class ArticleRules {

    public static final int MAX_TITLE = ArticleReaderRules.MAX_TITLE;
    static final int MAX_BODY_TEXT = 200_000;

    private final BodySanitizer sanitizer;

    public ArticleRules(BodySanitizer sanitizer) {
        this.sanitizer = sanitizer;
    }

    /**
     * The event with its body sanitized, and the body's text.
     *
     * @throws Refused saying why it cannot be shown
     */
    public Accepted check(ArticlePublished event) {
        try {
            ArticleReaderRules.check(event); // what every service checks; the body is article-service's
        } catch (ArticleReaderRules.Refused e) {
            throw invalid(event, e.reason());
        }
        String title = event.title().strip();
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

    /**
     * Why a text shown as is (a title, lead, caption...) is not plain text, or null when it is.
     *
     * @return "contains HTML markup", "contains control characters" or null
     */
    public static String plainTextProblem(String text) {
        return PlainText.problem(text);
    }

    /** Whether a browser may load an image from it: http(s), or a path on the portal. */
    public static boolean isLoadable(String url) {
        return PlainText.isLoadable(url);
    }

    private static Refused invalid(ArticlePublished event, String reason) {
        return new Refused(event, reason);
    }

    /**
     * @param event    the event with its body sanitized
     * @param bodyText the visible text of the body, for search
     */
    public record Accepted(ArticlePublished event, String bodyText) {
    }

    /** An event a reader cannot be shown; the message names the article and revision, {@link #reason()} not. */
    public static final class Refused extends ArticleReaderRules.Refused {

        Refused(ArticlePublished event, String reason) {
            super(event, reason);
        }
    }
}
