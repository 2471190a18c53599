package vn.portal.web.article;

import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;
import vn.portal.web.gateway.Api;

/**
 * The article body as the page prints it. article-service sanitized it already; the portal cleans
 * it once more with jsoup's allowlist (so a body that slipped past still runs nothing, and the
 * page's CSP is a third wall), then makes every photo responsive: {@code srcset} from the
 * renditions, {@code width}/{@code height} against layout shift, the first photo loaded at once and
 * the rest lazily, each wrapped in a link to its largest form that the lightbox opens.
 */
final class BodyHtml {

    static final String SIZES = "(min-width: 48rem) 46rem, 100vw";
    private static final Safelist ALLOWED = Safelist.relaxed()
            .addTags("figure", "figcaption", "mark", "small", "s", "hr")
            .addAttributes("a", "rel")
            .preserveRelativeLinks(true);

    private BodyHtml() {
    }

    /**
     * @param media the stored forms of the article's photos, by media id (missing ones are printed
     *              as the article gives them)
     */
    static String render(String bodyHtml, List<Api.Image> images, Map<String, Api.Media> media) {
        String clean = Jsoup.clean(bodyHtml == null ? "" : bodyHtml, "http://portal.invalid", ALLOWED);
        Document document = Jsoup.parseBodyFragment(clean);
        int index = 0;
        for (Element img : document.select("img")) {
            Api.Image image = byUrl(images, img.attr("src"));
            if (img.attr("alt").isBlank()) {
                img.attr("alt", image != null && image.alt() != null ? image.alt() : "");
            }
            Api.Media stored = image == null || image.mediaId() == null ? null : media.get(image.mediaId());
            String large = img.attr("src");
            if (stored != null) {
                Api.Rendition shown = stored.rendition(renditionName(img.attr("src")));
                if (shown != null) {
                    img.attr("width", Integer.toString(shown.width())).attr("height", Integer.toString(shown.height()));
                }
                img.attr("srcset", srcset(stored)).attr("sizes", SIZES);
                Api.Rendition largest = stored.rendition("w1600");
                if (largest != null) {
                    large = largest.url();
                }
            }
            img.attr("decoding", "async");
            if (index > 0) {
                img.attr("loading", "lazy");
            }
            String credit = image != null && image.credit() != null ? image.credit() : stored == null ? null : stored.credit();
            Element figure = img.closest("figure");
            String caption = figure == null ? null : figure.select("figcaption").text();
            Element link = new Element("a").attr("href", large).addClass("zoom")
                    .attr("data-index", Integer.toString(index))
                    .attr("data-credit", credit == null ? "" : credit)
                    .attr("aria-label", "Phóng to ảnh: " + (img.attr("alt").isBlank() ? caption : img.attr("alt")));
            img.wrap(link.outerHtml());
            index++;
        }
        return document.body().html();
    }

    static String srcset(Api.Media media) {
        StringBuilder out = new StringBuilder();
        int last = 0;
        for (String name : List.of("w320", "w640", "w1024", "w1600")) {
            Api.Rendition r = media.rendition(name);
            if (r != null && r.width() > last) { // a small image has several names for one picture
                out.append(out.isEmpty() ? "" : ", ").append(r.url()).append(' ').append(r.width()).append('w');
                last = r.width();
            }
        }
        return out.toString();
    }

    private static String renditionName(String url) {
        int slash = url.lastIndexOf('/');
        return slash < 0 ? url : url.substring(slash + 1);
    }

    private static Api.Image byUrl(List<Api.Image> images, String url) {
        return images == null ? null : images.stream().filter(i -> url.equals(i.url())).findFirst().orElse(null);
    }
}
