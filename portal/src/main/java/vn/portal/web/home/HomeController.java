package vn.portal.web.home;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.portal.web.gateway.Api;
import vn.portal.web.gateway.GatewayApi;
import vn.portal.web.support.Categories;
import vn.portal.web.support.Paging;

/** The home page (the newest articles, then each section's newest) and the section pages. */
@Controller
class HomeController {

    static final int PAGE_SIZE = 10;
    static final int PER_SECTION = 3;
    /** The API pages at most 50 deep in size; far pages are not what readers browse. */
    static final int MAX_PAGE = 1000;

    private final GatewayApi api;
    private final Categories categories;

    HomeController(GatewayApi api, Categories categories) {
        this.api = api;
        this.categories = categories;
    }

    @GetMapping("/")
    String home(@RequestParam(name = "trang", required = false) String trang, Model model) {
        int page = Paging.requested(trang, MAX_PAGE);
        Api.ArticlePage latest = api.articles(page - 1, PAGE_SIZE, null);
        model.addAttribute("items", latest.items());
        model.addAttribute("paging", Paging.of("/", null, page, PAGE_SIZE, latest.total()));
        Map<Categories.Category, List<Api.ListItem>> sections = new LinkedHashMap<>();
        if (page == 1) {
            for (Categories.Category category : categories.all()) {
                sections.put(category, api.articles(0, PER_SECTION, category.name()).items());
            }
        }
        model.addAttribute("blocks", sections);
        return "home";
    }

    @GetMapping("/chuyen-muc/{slug}")
    String category(@PathVariable String slug, @RequestParam(name = "trang", required = false) String trang,
                    Model model) {
        Categories.Category category = categories.bySlug(slug).orElseThrow(GatewayApi.NotFound::new);
        int page = Paging.requested(trang, MAX_PAGE);
        Api.ArticlePage list = api.articles(page - 1, PAGE_SIZE, category.name());
        model.addAttribute("category", category);
        model.addAttribute("items", list.items());
        model.addAttribute("paging", Paging.of(category.path(), null, page, PAGE_SIZE, list.total()));
        return "category";
    }
}
