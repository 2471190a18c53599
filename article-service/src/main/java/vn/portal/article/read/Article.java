package vn.portal.article.read;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.portal.article.text.SearchFields;
import vn.portal.contracts.ArticleImage;

/**
 * The read model of one article, filled only from {@code ArticlePublished} and
 * {@code ArticleUnpublished}. {@code revision} is the last applied event's revision. A withdrawn
 * article keeps its id, slug and revision and loses its content, so that a published revision that
 * arrives late (even from the other topic) stays out. The slug index is sparse: a withdrawal that
 * arrives before any publication leaves a document without a slug.
 */
@Document("articles")
@CompoundIndex(name = "newest_published", def = "{'status': 1, 'publishedAt': -1, '_id': -1}")
@CompoundIndex(name = "search_tokens", def = "{'search.tokens': 1}")
public record Article(
        @Id String id,
        long revision,
        @Indexed(unique = true, sparse = true) String slug,
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
        String correctionNote,
        List<Correction> corrections,
        SearchFields search) {

    public enum Status { PUBLISHED, UNPUBLISHED }

    /** A correction readers see: "Đính chính: ..." and the revision that made it. */
    public record Correction(long revision, String note, Instant at) {
    }
}
