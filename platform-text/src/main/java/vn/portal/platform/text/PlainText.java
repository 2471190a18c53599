package vn.portal.platform.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one plain-text rule, for every field the contracts call plain text (titles, leads, bylines,
 * captions, alt texts, credits, copyrights, tags, correction notes), wherever it comes from: an
 * editor, an editorial system's event, or a photo's own EXIF/IPTC. Every check is linear in the
 * length of the text; callers check lengths first all the same. Plain Java, like the rest of
 * platform-text: the services (through platform-support) and the portal can share it.
 */
public final class PlainText {

    /** What the contract's {@code plainText} pattern refuses: '<' then a letter, '/', '!' or '?'. */
    private static final Pattern TAG_OPENING = Pattern.compile("<[A-Za-z/!?]");
    /**
     * The start of a tag written with spaces after its bracket ({@code < b>}, {@code < / b>}): markup
     * when a '>' follows. Possessive quantifiers: every character is looked at once (the former
     * {@code <\s*\/?\s*[a-zA-Z!][^>]*>} backtracked quadratically over a run of spaces).
     */
    private static final Pattern SPACED_TAG_OPENING = Pattern.compile("<\\s++/?+\\s*+[A-Za-z!]");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\t\\n\\r]]");
    /** The contract's image URL pattern: http(s), or a path on the portal (not protocol-relative). */
    private static final Pattern LOADABLE_URL = Pattern.compile("^(https?://|/(?!/))");

    private PlainText() {
    }

    /**
     * Why a text shown as is is not plain text, or null when it is (null is).
     *
     * @return "contains HTML markup", "contains control characters" or null
     */
    public static String problem(String text) {
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

    /** Whether a browser may load an image from it: http(s), or a path on the portal. */
    public static boolean isLoadable(String url) {
        return url != null && LOADABLE_URL.matcher(url).find();
    }

    private static boolean isMarkup(String text) {
        if (TAG_OPENING.matcher(text).find()) {
            return true;
        }
        Matcher spaced = SPACED_TAG_OPENING.matcher(text);
        // a later opening ends later still: if no '>' follows the first, none follows any
        return spaced.find() && text.indexOf('>', spaced.end()) >= 0;
    }
}
