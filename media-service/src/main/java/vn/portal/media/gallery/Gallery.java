package vn.portal.media.gallery;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.portal.contracts.ArticleImage;

/**
 * The images of one article in the article's order, filled only from {@code ArticlePublished} and
 * {@code ArticleUnpublished}. The id is the articleId; {@code revision} is the last applied
 * event's revision. A withdrawn article keeps its document, without images, so that a late
 * older revision cannot bring the gallery back.
 */
@Document("galleries")
record Gallery(
        @Id String id,
        long revision,
        String title,
        List<ArticleImage> images,
        Status status,
        Instant updatedAt) {

    enum Status { PUBLISHED, WITHDRAWN }
}
