package vn.portal.article.search;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.portal.article.config.ArticleProperties;
import vn.portal.article.config.PortalTime;
import vn.portal.article.read.Article;
import vn.portal.platform.web.Problems;

/**
 * {@code GET /api/articles/search?q=}: diacritic-insensitive, ranked (see {@link ArticleSearch}).
 * A literal path, so {@code /api/articles/{slugOrId}} never captures it. Cached like every read.
 */
@Tag(name = "Search", description = "Diacritic-insensitive search of published articles")
@RestController
class SearchController {

    private static final List<String> MATCHES = List.of("title", "title-or-body", "title-folded", "folded");

    private final ArticleSearch search;
    private final int maxPageSize;
    private final CacheControl cacheControl;

    SearchController(ArticleSearch search, ArticleProperties properties) {
        this.search = search;
        this.maxPageSize = properties.search().maxPageSize();
        this.cacheControl = CacheControl.maxAge(properties.readCacheMaxAge()).cachePublic();
    }

    /**
     * @param category only this portal section, if given
     */
    @Operation(operationId = "searchArticles", summary = "Search published articles (\"thi dua\" finds \"thi đua\"), exact diacritics and title matches first")
    @GetMapping("/api/articles/search")
    ResponseEntity<SearchPage> search(@RequestParam String q, @RequestParam(defaultValue = "0") int page,
                                      @RequestParam(defaultValue = "20") int size,
                                      @RequestParam(required = false) String category) {
        if (page < 0 || size < 1 || size > maxPageSize) {
            throw Problems.problem(HttpStatus.BAD_REQUEST, "invalid-page",
                    "page must be 0 or more and size between 1 and " + maxPageSize);
        }
        if ((long) page * size >= search.maxCandidates()) {
            throw Problems.problem(HttpStatus.BAD_REQUEST, "invalid-page", "search ranks the "
                    + search.maxCandidates() + " newest matches: page × size must be less than that");
        }
        ArticleSearch.Result result;
        try {
            result = search.search(q, category, page, size);
        } catch (IllegalArgumentException e) {
            throw Problems.problem(HttpStatus.BAD_REQUEST, "invalid-query", "q must contain a word to look for");
        }
        List<SearchHit> items = result.hits().stream().map(SearchHit::of).toList();
        return ResponseEntity.ok().cacheControl(cacheControl).body(new SearchPage(items, page, size, result.total()));
    }

    record SearchPage(List<SearchHit> items, int page, int size, long total) {
    }

    /**
     * @param match how it matched: {@code title} (every word, diacritics as typed, in the title),
     *              {@code title-or-body}, {@code title-folded}, {@code folded}
     */
    record SearchHit(String id, String slug, String title, String lead, String category, String coverImageUrl,
                     OffsetDateTime publishedAt, String match) {

        static SearchHit of(ArticleSearch.Hit hit) {
            Article a = hit.article();
            String cover = a.images() == null || a.images().isEmpty() ? null : a.images().get(0).url();
            return new SearchHit(a.id(), a.slug(), a.title(), a.lead(), a.category(), cover,
                    PortalTime.local(a.publishedAt()),
                    MATCHES.get(hit.tier()));
        }
    }
}
