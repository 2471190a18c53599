package vn.portal.web.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.portal.platform.slug.Slugs;
import vn.portal.web.gateway.Api;
import vn.portal.web.gateway.GatewayApi;

/**
 * The portal's sections, as the newest articles name them, each with its readable slug
 * ("Tin tức - Sự kiện" at {@code /chuyen-muc/tin-tuc-su-kien}). The API has no list of sections;
 * the newest articles name every section that is alive.
 */
@Component
public class Categories {

    static final int SCANNED = 50;

    private final GatewayApi api;

    Categories(GatewayApi api) {
        this.api = api;
    }

    public record Category(String name, String slug) {

        public String path() {
            return "/chuyen-muc/" + slug;
        }
    }

    public static Category of(String name) {
        return name == null || name.isBlank() ? null : new Category(name, Slugs.of(name));
    }

    /** The sections, in the order their newest article appeared; empty when the API cannot say. */
    public List<Category> all() {
        Map<String, Category> bySlug = new LinkedHashMap<>();
        try {
            for (Api.ListItem item : api.articles(0, SCANNED, null).items()) {
                Category category = of(item.category());
                if (category != null) {
                    bySlug.putIfAbsent(category.slug(), category);
                }
            }
        } catch (GatewayApi.Unavailable e) {
            return List.of();
        }
        return List.copyOf(bySlug.values());
    }

    public Optional<Category> bySlug(String slug) {
        return all().stream().filter(c -> c.slug().equals(slug)).findFirst();
    }
}
