package vn.portal.article.rating;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The latest rating totals of an article, as rating-service last published them. */
@Document("ratings")
public record ArticleRating(@Id String articleId, long points, long count, double average, List<Long> histogram,
                            double score, Instant updatedAt) {

    public static ArticleRating none(String articleId) {
        return new ArticleRating(articleId, 0, 0, 0.0, List.of(0L, 0L, 0L, 0L, 0L), 0.0, null);
    }
}
