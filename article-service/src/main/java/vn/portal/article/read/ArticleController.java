package vn.portal.article.read;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.portal.article.config.ArticleProperties;
import vn.portal.article.rating.ArticleRatings;
import vn.portal.platform.web.Problems;

/**
 * The public read API (search is in {@code search.SearchController}). Every answer carries
 * {@code Cache-Control} (set here: otherwise Spring Security's {@code no-cache} would apply) and an
 * {@code ETag} (from {@link ReadCaching}), and {@code If-None-Match} gets a 304.
 */
@Tag(name = "Articles", description = "Published articles, for readers")
@RestController
@RequestMapping("/api/articles")
class ArticleController {

    static final int MAX_PAGE_SIZE = 50;
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("publishedAt"), Sort.Order.desc("_id"));

    private final ArticleRepository articles;
    private final MongoTemplate mongo;
    private final ArticleRatings ratings;
    private final CacheControl cacheControl;

    ArticleController(ArticleRepository articles, MongoTemplate mongo, ArticleRatings ratings,
                      ArticleProperties properties) {
        this.articles = articles;
        this.mongo = mongo;
        this.ratings = ratings;
        this.cacheControl = CacheControl.maxAge(properties.readCacheMaxAge()).cachePublic();
    }

    /**
     * Published articles, newest first; ties broken by id so that pages never overlap. Optionally
     * only one category and/or one tag.
     */
    @Operation(operationId = "listArticles", summary = "List published articles, newest first, optionally of one category or tag")
    @GetMapping
    ResponseEntity<ArticlePage> list(@RequestParam(defaultValue = "0") int page,
                                     @RequestParam(defaultValue = "20") int size,
                                     @RequestParam(required = false) String category,
                                     @RequestParam(required = false) String tag) {
        checkPage(page, size);
        Criteria criteria = Criteria.where("status").is(Article.Status.PUBLISHED);
        if (category != null && !category.isBlank()) {
            criteria = criteria.and("category").is(category);
        }
        if (tag != null && !tag.isBlank()) {
            criteria = criteria.and("tags").is(tag);
        }
        long total = mongo.count(Query.query(criteria), Article.class);
        Query query = Query.query(criteria).with(NEWEST_FIRST).skip((long) page * size).limit(size);
        query.fields().exclude("bodyHtml", "search", "corrections");
        List<ArticleListItem> items = mongo.find(query, Article.class).stream().map(ArticleListItem::of).toList();
        return ResponseEntity.ok().cacheControl(cacheControl).body(new ArticlePage(items, page, size, total));
    }

    /** One article by its slug or, failing that, by its id. */
    @Operation(operationId = "getArticle",
            summary = "Read a published article by its slug or id",
            responses = {
                @ApiResponse(responseCode = "200", description = "The article, with its revision, correction notes and rating totals; ETag, 304 on If-None-Match"),
                @ApiResponse(responseCode = "404", description = "No article has this slug or id"),
                @ApiResponse(responseCode = "410", description = "The article has been withdrawn")})
    @GetMapping("/{slugOrId}")
    ResponseEntity<ArticleResponse> get(@PathVariable String slugOrId) {
        Article article = articles.findBySlug(slugOrId).or(() -> articles.findById(slugOrId))
                .orElseThrow(() -> Problems.problem(HttpStatus.NOT_FOUND, "article-not-found",
                        "No article is published at " + slugOrId));
        if (article.status() != Article.Status.PUBLISHED) {
            throw Problems.problem(HttpStatus.GONE, "article-withdrawn", "This article has been withdrawn");
        }
        return ResponseEntity.ok().cacheControl(cacheControl)
                .body(ArticleResponse.of(article, ratings.of(article.id())));
    }

    private static void checkPage(int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw Problems.problem(HttpStatus.BAD_REQUEST, "invalid-page",
                    "page must be 0 or more and size between 1 and " + MAX_PAGE_SIZE);
        }
    }
}
