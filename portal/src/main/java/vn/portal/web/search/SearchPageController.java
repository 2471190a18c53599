package vn.portal.web.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.portal.web.gateway.Api;
import vn.portal.web.gateway.GatewayApi;
import vn.portal.web.support.Paging;

/** "Tìm kiếm": diacritic-insensitive (the API's search), the matched words marked. */
@Controller
class SearchPageController {

    static final int PAGE_SIZE = 10;
    static final int MAX_QUERY = 200;
    /** The API ranks the newest 1,000 matches at most. */
    static final int MAX_PAGE = 100;

    private final GatewayApi api;

    SearchPageController(GatewayApi api) {
        this.api = api;
    }

    record Hit(Api.ListItem item, String title, String lead) {
    }

    @GetMapping("/tim-kiem")
    String search(@RequestParam(name = "q", required = false) String q,
                  @RequestParam(name = "trang", required = false) String trang, Model model) {
        String query = q == null ? "" : q.strip();
        if (query.length() > MAX_QUERY) {
            query = query.substring(0, MAX_QUERY);
        }
        model.addAttribute("q", query);
        if (Highlight.words(query).isEmpty()) {
            model.addAttribute("hits", List.of());
            return "search";
        }
        int page = Paging.requested(trang, MAX_PAGE);
        Api.ArticlePage result = api.search(query, page - 1, PAGE_SIZE);
        String finalQuery = query;
        model.addAttribute("hits", result.items().stream()
                .map(item -> new Hit(item, Highlight.mark(item.title(), finalQuery), Highlight.mark(item.lead(), finalQuery)))
                .toList());
        model.addAttribute("total", result.total());
        model.addAttribute("paging", Paging.of("/tim-kiem", "q=" + URLEncoder.encode(query, StandardCharsets.UTF_8),
                page, PAGE_SIZE, Math.min(result.total(), (long) MAX_PAGE * PAGE_SIZE)));
        return "search";
    }
}
