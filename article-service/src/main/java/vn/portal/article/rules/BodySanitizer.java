package vn.portal.article.rules;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.springframework.stereotype.Component;
import vn.portal.article.config.ArticleProperties;

/**
 * Body HTML from outside is untrusted. An allowlist (jsoup's {@link Safelist}) keeps what an
 * article needs: paragraphs, headings, lists, links, emphasis, tables, quotes, figures with images
 * and captions. Everything else goes: scripts, styles, iframes, forms, event-handler and style
 * attributes, and every URL that is not http(s), mailto (links) or relative — so
 * {@code javascript:} and {@code data:} URLs are dropped. Relative URLs such as media-service's
 * {@code /api/media/...} survive. Links to hosts other than the portal's get
 * {@code rel="noopener nofollow"}.
 */
@Component
public class BodySanitizer {

    /** Only used to resolve relative URLs while checking their scheme; never written out. */
    private static final String BASE = "https://portal.invalid/";

    private final Safelist safelist;
    private final List<String> ownHosts;

    public BodySanitizer(ArticleProperties properties) {
        this.ownHosts = properties.ownHosts().stream().map(host -> host.toLowerCase(Locale.ROOT)).toList();
        this.safelist = Safelist.relaxed()
                .addTags("figure", "figcaption", "hr", "s", "mark", "abbr", "time")
                .addAttributes("abbr", "title")
                .addAttributes("time", "datetime")
                .addAttributes("th", "scope")
                .addAttributes("img", "loading")
                .addAttributes(":all", "lang")
                .addProtocols("img", "src", "http", "https")
                .addProtocols("a", "href", "http", "https", "mailto")
                .removeProtocols("a", "href", "ftp")
                .preserveRelativeLinks(true);
    }

    /** The safe body, and whether anything readable (text or an image) is left. */
    public Sanitized sanitize(String html) {
        Document dirty = Jsoup.parseBodyFragment(html, BASE);
        Document clean = new Cleaner(safelist).clean(dirty);
        clean.outputSettings().prettyPrint(false).charset("UTF-8");
        for (Element image : clean.select("img")) {
            if (!image.hasAttr("src")) {
                image.remove(); // its URL was unsafe
            }
        }
        for (Element link : clean.select("a")) {
            if (!link.hasAttr("href")) {
                link.unwrap(); // its URL was unsafe: keep the words, drop the link
            } else if (isOutside(link.attr("href"))) {
                link.attr("rel", "noopener nofollow");
            }
        }
        String text = clean.body().text();
        boolean readable = !text.isBlank() || !clean.select("img").isEmpty();
        return new Sanitized(clean.body().html(), text, readable);
    }

    private boolean isOutside(String href) {
        try {
            URI uri = new URI(href.trim());
            if (uri.getHost() == null) {
                return false; // relative, or mailto:
            }
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            return ownHosts.stream().noneMatch(own -> host.equals(own) || host.endsWith("." + own));
        } catch (URISyntaxException e) {
            return true;
        }
    }

    /**
     * @param html     the sanitized body
     * @param text     its text, for search
     * @param readable whether a reader would see anything
     */
    public record Sanitized(String html, String text, boolean readable) {
    }
}
