package vn.portal.article.rules;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import vn.portal.contracts.ArticleImage;
import vn.portal.contracts.ArticlePublished;
import vn.portal.platform.events.InvalidEventException;

/**
 * The rules a reader needs, on top of the JSON Schema that {@code IncomingEvents} already checked:
 * a real title and lead (plain text, no markup, sane length), a body that still says something
 * after sanitizing, image URLs a browser may load, dates in order. A broken event is an
 * {@link InvalidEventException} ({@link Refused}): dead-lettered with the reason, never half-applied.
 *
 * <p>The ingest applies them to every event it reads, and the editorial API to every event it is
 * about to produce, so that it refuses up front what the ingest would dead-letter.
 */
@Component
public class ArticleRules {

    public static final int MAX_TITLE = 300;
    static final int MAX_BODY_TEXT = 200_000;
    static final int MAX_LEAD = 2000;
    /** What the contract's {@code plainText} pattern refuses: '<' then a letter, '/', '!' or '?'. */
    private static final Pattern TAG_OPENING = Pattern.compile("<[A-Za-z/!?]");
    /**
     * The start of a tag written with spaces after its bracket ({@code < b>}, {@code < / b>}): markup
     * when a '>' follows. Possessive quantifiers: every character is looked at once (the former
     * {@code <\s*\/?\s*[a-zA-Z!][^>]*>} backtracked quadratically over a run of spaces).
     */
    private static final Pattern SPACED_TAG_OPENING = Pattern.compile("<\\s++/?+\\s*+[A-Za-z!]");
    /** The contract's image URL pattern: http(s), or a path on the portal (not protocol-relative). */
    private static final Pattern LOADABLE_URL = Pattern.compile("^(https?://|/(?!/))");
    private static final Pattern LETTER_OR_DIGIT = Pattern.compile("[\\p{L}\\p{N}]");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\t\\n\\r]]");

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
        String title = event.title() == null ? "" : event.title().strip();
        if (!LETTER_OR_DIGIT.matcher(title).find()) {
            throw invalid(event, "title is empty");
        }
        if (title.length() > MAX_TITLE) {
            throw invalid(event, "title is longer than " + MAX_TITLE + " characters");
        }
        plainText(event, "title", title);
        if (event.lead() != null) {
            if (event.lead().length() > MAX_LEAD) {
                throw invalid(event, "lead is longer than " + MAX_LEAD + " characters");
            }
            plainText(event, "lead", event.lead());
        }
        if (event.updatedAt().isBefore(event.publishedAt())) {
            throw invalid(event, "updatedAt is before publishedAt");
        }
        for (ArticleImage image : event.images() == null ? List.<ArticleImage>of() : event.images()) {
            if (image == null || !isLoadable(image.url())) {
                throw invalid(event, "image URL is neither relative nor http(s): "
                        + (image == null ? null : abbreviate(image.url())));
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
        String problem = plainTextProblem(text);
        if (problem != null) {
            throw invalid(event, field + " " + problem);
        }
    }

    /**
     * Why a text shown as is (a title, lead, caption...) is not plain text, or null when it is.
     *
     * @return "contains HTML markup", "contains control characters" or null
     */
    public static String plainTextProblem(String text) {
        if (text == null) {
            return null;
        }
        if (isMarkup(text)) {
            return "contains HTML markup";
        }
        if (CONTROL.matcher(text).find()) {
            return "contains control characters";
        }
        return null;
    }

    /** In time linear in its length: callers check lengths first all the same. */
    private static boolean isMarkup(String text) {
        if (TAG_OPENING.matcher(text).find()) {
            return true;
        }
        Matcher spaced = SPACED_TAG_OPENING.matcher(text);
        // a later opening ends later still: if no '>' follows the first, none follows any
        return spaced.find() && text.indexOf('>', spaced.end()) >= 0;
    }

    /** Whether a browser may load an image from it: http(s), or a path on the portal. */
    public static boolean isLoadable(String url) {
        return url != null && LOADABLE_URL.matcher(url).find();
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "...";
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
    public static final class Refused extends InvalidEventException {

        private final String reason;

        Refused(ArticlePublished event, String reason) {
            super("article " + event.articleId() + " revision " + event.revision() + ": " + reason);
            this.reason = reason;
        }

        /** What is wrong, in words: "body is empty after sanitizing". */
        public String reason() {
            return reason;
        }
    }
}
