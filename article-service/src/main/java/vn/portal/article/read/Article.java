package vn.portal.article.read;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.portal.contracts.ArticleImage;

/**
 * The read model of one article, filled only from {@code ArticlePublished} and
 * {@code ArticleUnpublished}. {@code revision} is the last applied event's revision.
 */
@Document("articles")
public record Article(
        @Id String id,
        long revision,
        @Indexed(unique = true) String slug,
        Status status,
        String title,
        String lead,
        String bodyHtml,
        List<ArticleImage> images,
        String author,
        String category,
        List<String> tags,
        String language,
        Instant publishedAt,
        Instant updatedAt,
        String correctionNote) {

    public enum Status { PUBLISHED, UNPUBLISHED }
}
