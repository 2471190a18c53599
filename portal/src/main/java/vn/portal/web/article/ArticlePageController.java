package vn.portal.web.article;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.jsoup.Jsoup;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.view.RedirectView;
import tools.jackson.databind.json.JsonMapper;
import vn.portal.web.gateway.Api;
import vn.portal.web.gateway.GatewayApi;
import vn.portal.web.support.Categories;
import vn.portal.web.support.PortalProperties;
import vn.portal.web.support.VietnameseDates;

/** The article page, at {@code /tin-tuc/{slug}}; an article's id (or an old link) redirects there. */
@Controller
class ArticlePageController {

    static final int WORDS_PER_MINUTE = 200;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final GatewayApi api;
    private final PortalProperties portal;
    /**
     * The body as printed, per article revision and the photos media-service described: parsing and
     * cleaning it is the page's largest cost, and a revision's body never changes.
     */
    private final Cache<String, Body> bodies = Caffeine.newBuilder().maximumSize(2_000)
            .expireAfterAccess(Duration.ofMinutes(10)).build();

    ArticlePageController(GatewayApi api, PortalProperties portal) {
        this.api = api;
        this.portal = portal;
    }

    record Body(String html, int readingMinutes) {
    }

    static String path(String slug) {
        return "/tin-tuc/" + slug;
    }

    @GetMapping("/tin-tuc/{slugOrId}")
    Object article(@PathVariable String slugOrId, Model model) {
        Api.Article article = api.article(slugOrId);
        if (!article.slug().equals(slugOrId)) {
            RedirectView canonical = new RedirectView(path(article.slug()));
            canonical.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
            return canonical;
        }
        Map<String, Api.Media> media = new HashMap<>();
        for (Api.Image image : Objects.requireNonNullElse(article.images(), List.<Api.Image>of())) {
            if (image.mediaId() != null) {
                api.media(image.mediaId()).ifPresent(m -> media.put(image.mediaId(), m));
            }
        }
        String url = portal.absolute(path(article.slug()));
        Categories.Category category = Categories.of(article.category());
        model.addAttribute("article", article);
        model.addAttribute("category", category);
        model.addAttribute("canonical", url);
        model.addAttribute("published", VietnameseDates.dateTime(article.publishedAt()));
        model.addAttribute("updated", article.updatedAt() != null && !article.updatedAt().equals(article.publishedAt())
                ? VietnameseDates.dateTime(article.updatedAt()) : null);
        Body body = bodies.get(article.id() + ":" + article.revision() + ":" + new TreeSet<>(media.keySet()),
                key -> new Body(BodyHtml.render(article.bodyHtml(), article.images(), media), readingMinutes(article)));
        model.addAttribute("readingMinutes", body.readingMinutes());
        model.addAttribute("body", body.html());
        // article-service's copy of the totals; the page's script then reads rating-service's live line
        model.addAttribute("rating", article.rating());
        model.addAttribute("share", share(url, article.title()));
        Api.Rendition card = firstRendition(article, media, "crop-16x9");
        model.addAttribute("cardImage", card);
        model.addAttribute("cardImageUrl", card == null ? null : portal.absolute(card.url()));
        model.addAttribute("jsonLd", jsonLd(article, media, url));
        model.addAttribute("related", related(article));
        return "article";
    }

    static int readingMinutes(Api.Article article) {
        String text = Jsoup.parse(Objects.requireNonNullElse(article.bodyHtml(), "")).text();
        int words = text.isBlank() ? 0 : text.trim().split("\\s+").length;
        return Math.max(1, (int) Math.ceil(words / (double) WORDS_PER_MINUTE));
    }

    /** Plain links: no share SDK, no third-party script. */
    static Map<String, String> share(String url, String title) {
        String u = URLEncoder.encode(url, StandardCharsets.UTF_8);
        String t = URLEncoder.encode(title, StandardCharsets.UTF_8);
        Map<String, String> links = new LinkedHashMap<>();
        links.put("Facebook", "https://www.facebook.com/sharer/sharer.php?u=" + u);
        links.put("X", "https://x.com/intent/post?url=" + u + "&text=" + t);
        links.put("Zalo", "https://sp.zalo.me/plugins/share?href=" + u);
        return links;
    }

    private static Api.Rendition firstRendition(Api.Article article, Map<String, Api.Media> media, String name) {
        for (Api.Image image : Objects.requireNonNullElse(article.images(), List.<Api.Image>of())) {
            Api.Media stored = image.mediaId() == null ? null : media.get(image.mediaId());
            if (stored != null && stored.rendition(name) != null) {
                return stored.rendition(name);
            }
        }
        return null;
    }

    /** schema.org NewsArticle; {@code </} written as {@code <\/} so the data block cannot end early. */
    private String jsonLd(Api.Article article, Map<String, Api.Media> media, String url) {
        Map<String, Object> ld = new LinkedHashMap<>();
        ld.put("@context", "https://schema.org");
        ld.put("@type", "NewsArticle");
        ld.put("mainEntityOfPage", Map.of("@type", "WebPage", "@id", url));
        ld.put("url", url);
        ld.put("headline", article.title());
        ld.put("description", article.lead());
        List<String> images = new ArrayList<>();
        for (String crop : List.of("crop-1x1", "crop-4x3", "crop-16x9")) {
            Api.Rendition r = firstRendition(article, media, crop);
            if (r != null) {
                images.add(portal.absolute(r.url()));
            }
        }
        ld.put("image", images);
        ld.put("datePublished", VietnameseDates.iso(article.publishedAt()));
        ld.put("dateModified", VietnameseDates.iso(article.updatedAt() == null ? article.publishedAt() : article.updatedAt()));
        if (article.author() != null) {
            ld.put("author", List.of(Map.of("@type", "Person", "name", article.author())));
        }
        ld.put("publisher", Map.of("@type", "GovernmentOrganization", "name", portal.siteName(), "url", portal.absolute("/")));
        if (article.category() != null) {
            ld.put("articleSection", article.category());
        }
        if (article.tags() != null && !article.tags().isEmpty()) {
            ld.put("keywords", String.join(", ", article.tags()));
        }
        ld.put("inLanguage", "vi");
        return JSON.writeValueAsString(ld).replace("</", "<\\/");
    }

    private List<Api.ListItem> related(Api.Article article) {
        try {
            return api.articles(0, 5, article.category()).items().stream()
                    .filter(item -> !item.id().equals(article.id())).limit(4).toList();
        } catch (GatewayApi.Unavailable e) {
            return List.of();
        }
    }
}
