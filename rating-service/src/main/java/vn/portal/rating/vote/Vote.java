package vn.portal.rating.vote;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A voter's current vote on an article, kept by {@link CurrentVotesProjection} from ArticleRated. The id is
 * {@code articleId|voterId}: one vote per voter and article.
 */
@Document("votes")
public record Vote(@Id String id, String articleId, String voterId, int stars, UUID ratingId,
                   @Indexed Instant ratedAt) {

    public static String id(String articleId, String voterId) {
        return articleId + "|" + voterId;
    }
}
