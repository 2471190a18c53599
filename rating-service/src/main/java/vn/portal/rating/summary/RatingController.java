package vn.portal.rating.summary;

import vn.portal.platform.text.VietnameseText;
import java.util.List;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.portal.rating.Problems;
import vn.portal.rating.article.KnownArticles;

/** The rating line of an article page. */
@RestController
class RatingController {

    private final KnownArticles knownArticles;
    private final MongoTemplate mongo;

    RatingController(KnownArticles knownArticles, MongoTemplate mongo) {
        this.knownArticles = knownArticles;
        this.mongo = mongo;
    }

    @GetMapping("/api/articles/{articleId}/rating")
    RatingResponse rating(@PathVariable String articleId) {
        String id = knownArticles.publishedArticleId(articleId).orElseThrow(() -> Problems.articleNotFound(articleId));
        RatingTotals totals = mongo.findById(id, RatingTotals.class);
        return RatingResponse.of(totals != null ? totals : RatingTotals.none(id));
    }

    record RatingResponse(String articleId, long points, long count, double average, List<Long> histogram,
                          double score, String label, String action) {

        static RatingResponse of(RatingTotals t) {
            return new RatingResponse(t.articleId(), t.points(), t.count(), t.average(), t.histogram(), t.score(),
                    VietnameseText.ratingLine(t.points(), t.count()),
                    "Click để đánh giá bài viết");
        }
    }
}
