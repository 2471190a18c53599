package vn.portal.article.history;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.portal.contracts.ArticleImage;

/**
 * One revision of an article as it came through the log: a published snapshot (body already
 * sanitized) or a withdrawal. Filled by the ingest consumer only, late revisions included.
 *
 * @param id        {@code articleId:revision}, so a redelivered event rewrites the same document
 */
@Document("revisions")
public record Revision(
        @Id String id,
        @Indexed String articleId,
        long revision,
        Kind kind,
        String title,
        String lead,
        String bodyHtml,
        List<ArticleImage> images,
        String author,
        String category,
        List<String> tags,
        Instant publishedAt,
        Instant at,
        String correctionNote,
        String reason) {

    public enum Kind { PUBLISHED, UNPUBLISHED }

    public static String id(String articleId, long revision) {
        return articleId + ":" + revision;
    }
}
