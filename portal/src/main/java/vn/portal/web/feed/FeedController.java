package vn.portal.web.feed;

import java.io.StringWriter;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.portal.web.gateway.Api;
import vn.portal.web.gateway.GatewayApi;
import vn.portal.web.support.Categories;
import vn.portal.web.support.PortalProperties;
import vn.portal.platform.text.VietnameseText;
import vn.portal.web.support.VietnameseDates;

/**
 * RSS 2.0 (the newest articles, and per section), {@code sitemap.xml} with every published
 * article, a news sitemap of the last two days, and {@code robots.txt}.
 */
@RestController
class FeedController {

    static final int FEED_ITEMS = 20;
    static final int API_PAGE = 50;
    /** The newest 10,000 (a sitemap file may hold 50,000; past that a sitemap index is needed). */
    static final int SITEMAP_MAX = 10_000;
    static final Duration NEWS_WINDOW = Duration.ofDays(2);
    private static final MediaType RSS = MediaType.parseMediaType("application/rss+xml;charset=UTF-8");
    private static final MediaType XML = MediaType.parseMediaType("application/xml;charset=UTF-8");
    private static final CacheControl FIVE_MINUTES = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

    private final GatewayApi api;
    private final Categories categories;
    private final PortalProperties portal;

    FeedController(GatewayApi api, Categories categories, PortalProperties portal) {
        this.api = api;
        this.categories = categories;
        this.portal = portal;
    }

    @GetMapping("/rss.xml")
    ResponseEntity<String> latest() throws XMLStreamException {
        return rss(portal.siteName(), portal.absolute("/"), null);
    }

    @GetMapping("/chuyen-muc/{slug}/rss.xml")
    ResponseEntity<String> category(@PathVariable String slug) throws XMLStreamException {
        Categories.Category category = categories.bySlug(slug).orElseThrow(GatewayApi.NotFound::new);
        return rss(category.name() + " - " + portal.siteName(), portal.absolute(category.path()), category.name());
    }

    private ResponseEntity<String> rss(String title, String link, String category) throws XMLStreamException {
        List<Api.ListItem> items = api.articles(0, FEED_ITEMS, category).items();
        StringWriter out = new StringWriter();
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("rss");
        xml.writeAttribute("version", "2.0");
        xml.writeNamespace("atom", "http://www.w3.org/2005/Atom");
        xml.writeStartElement("channel");
        element(xml, "title", title);
        element(xml, "link", link);
        element(xml, "description", "Tin bài mới nhất: " + title);
        element(xml, "language", "vi");
        xml.writeEmptyElement("atom", "link", "http://www.w3.org/2005/Atom");
        xml.writeAttribute("href", link + (link.endsWith("/") ? "" : "/") + "rss.xml");
        xml.writeAttribute("rel", "self");
        xml.writeAttribute("type", "application/rss+xml");
        for (Api.ListItem item : items) {
            String url = portal.absolute("/tin-tuc/" + item.slug());
            xml.writeStartElement("item");
            element(xml, "title", item.title());
            element(xml, "link", url);
            element(xml, "guid", url);
            element(xml, "description", item.lead());
            if (item.category() != null) {
                element(xml, "category", item.category());
            }
            if (item.publishedAt() != null) {
                element(xml, "pubDate", DateTimeFormatter.RFC_1123_DATE_TIME.format(item.publishedAt().atZoneSameInstant(VietnameseText.ZONE)));
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndDocument();
        return ResponseEntity.ok().contentType(RSS).cacheControl(FIVE_MINUTES).body(out.toString());
    }

    @GetMapping("/sitemap.xml")
    ResponseEntity<String> sitemap() throws XMLStreamException {
        StringWriter out = new StringWriter();
        XMLStreamWriter xml = urlset(out, false);
        for (Api.ListItem item : published(SITEMAP_MAX, null)) {
            xml.writeStartElement("url");
            element(xml, "loc", portal.absolute("/tin-tuc/" + item.slug()));
            if (item.publishedAt() != null) {
                element(xml, "lastmod", VietnameseDates.iso(item.publishedAt()));
            }
            xml.writeEndElement();
        }
        return xmlAnswer(xml, out);
    }

    /** Google News' sitemap: the articles of the last two days. */
    @GetMapping("/sitemap-news.xml")
    ResponseEntity<String> news() throws XMLStreamException {
        StringWriter out = new StringWriter();
        XMLStreamWriter xml = urlset(out, true);
        for (Api.ListItem item : published(1000, OffsetDateTime.now().minus(NEWS_WINDOW))) {
            xml.writeStartElement("url");
            element(xml, "loc", portal.absolute("/tin-tuc/" + item.slug()));
            xml.writeStartElement("news", "news", "http://www.google.com/schemas/sitemap-news/0.9");
            xml.writeStartElement("news", "publication", "http://www.google.com/schemas/sitemap-news/0.9");
            xml.writeStartElement("news", "name", "http://www.google.com/schemas/sitemap-news/0.9");
            xml.writeCharacters(portal.siteName());
            xml.writeEndElement();
            xml.writeStartElement("news", "language", "http://www.google.com/schemas/sitemap-news/0.9");
            xml.writeCharacters("vi");
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeStartElement("news", "publication_date", "http://www.google.com/schemas/sitemap-news/0.9");
            xml.writeCharacters(VietnameseDates.iso(item.publishedAt()));
            xml.writeEndElement();
            xml.writeStartElement("news", "title", "http://www.google.com/schemas/sitemap-news/0.9");
            xml.writeCharacters(item.title());
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
        }
        return xmlAnswer(xml, out);
    }

    @GetMapping(value = "/robots.txt", produces = "text/plain;charset=UTF-8")
    ResponseEntity<String> robots() {
        String body = "User-agent: *\nAllow: /\nDisallow: /api/\nDisallow: /tim-kiem\n\n"
                + "Sitemap: " + portal.absolute("/sitemap.xml") + "\n"
                + "Sitemap: " + portal.absolute("/sitemap-news.xml") + "\n";
        return ResponseEntity.ok().cacheControl(FIVE_MINUTES).body(body);
    }

    /** Published articles newest first, as many as {@code max}, none older than {@code since}. */
    private List<Api.ListItem> published(int max, OffsetDateTime since) {
        List<Api.ListItem> all = new ArrayList<>();
        for (int page = 0; all.size() < max; page++) {
            Api.ArticlePage batch = api.articles(page, API_PAGE, null);
            for (Api.ListItem item : batch.items()) {
                if (since != null && (item.publishedAt() == null || item.publishedAt().isBefore(since))) {
                    return all;
                }
                all.add(item);
            }
            if (batch.items().size() < API_PAGE) {
                break;
            }
        }
        return all;
    }

    private static XMLStreamWriter urlset(StringWriter out, boolean news) throws XMLStreamException {
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("urlset");
        xml.writeDefaultNamespace("http://www.sitemaps.org/schemas/sitemap/0.9");
        if (news) {
            xml.writeNamespace("news", "http://www.google.com/schemas/sitemap-news/0.9");
        }
        return xml;
    }

    private static ResponseEntity<String> xmlAnswer(XMLStreamWriter xml, StringWriter out) throws XMLStreamException {
        xml.writeEndElement();
        xml.writeEndDocument();
        return ResponseEntity.ok().contentType(XML).cacheControl(FIVE_MINUTES).body(out.toString());
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text == null ? "" : text);
        xml.writeEndElement();
    }
}
