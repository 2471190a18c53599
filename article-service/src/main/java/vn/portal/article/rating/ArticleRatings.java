package vn.portal.article.rating;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** The query side of the {@code ratings} read model: the current totals of an article, for its page. */
@Component
public class ArticleRatings {

    private final MongoTemplate mongo;

    ArticleRatings(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public ArticleRating of(String articleId) {
        ArticleRating rating = mongo.findById(articleId, ArticleRating.class);
        return rating == null ? ArticleRating.none(articleId) : rating;
    }
}
