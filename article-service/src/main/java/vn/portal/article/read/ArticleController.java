package vn.portal.article.read;

import java.net.URI;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public read API. */
@RestController
@RequestMapping("/api/articles")
class ArticleController {

    static final int MAX_PAGE_SIZE = 50;
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("publishedAt"), Sort.Order.desc("id"));

    private final ArticleRepository articles;

    ArticleController(ArticleRepository articles) {
        this.articles = articles;
    }

    /** Published articles, newest first; ties broken by id so that pages never overlap. */
    @GetMapping
    ArticlePage list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw problem(HttpStatus.BAD_REQUEST, "invalid-page",
                    "page must be 0 or more and size between 1 and " + MAX_PAGE_SIZE);
        }
        var result = articles.findByStatus(Article.Status.PUBLISHED, PageRequest.of(page, size, NEWEST_FIRST));
        return new ArticlePage(result.map(ArticleListItem::of).getContent(), page, size, result.getTotalElements());
    }

    /** One article by its slug or, failing that, by its id. */
    @GetMapping("/{slugOrId}")
    ArticleResponse get(@PathVariable String slugOrId) {
        Article article = articles.findBySlug(slugOrId).or(() -> articles.findById(slugOrId))
                .orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "article-not-found",
                        "No article is published at " + slugOrId));
        if (article.status() != Article.Status.PUBLISHED) {
            throw problem(HttpStatus.GONE, "article-withdrawn", "This article has been withdrawn");
        }
        return ArticleResponse.of(article);
    }

    static ErrorResponseException problem(HttpStatus status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://portal.vn/problems/" + type));
        return new ErrorResponseException(status, problem, null);
    }
}
