package vn.portal.article.editorial;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.portal.contracts.ArticleImage;

/**
 * An editor's working copy of an article; its id is the article's id. It also keeps what
 * publishing needs across requests and restarts: the last revision number handed out (increased
 * atomically before each event is produced, so revisions always increase), the slug, the first
 * publication time, and the schedule.
 *
 * @param lastRevision          the last revision number reserved for an event about this article
 * @param lastEventRevision     the revision of the last event Kafka acknowledged (0: none yet)
 * @param firstPublishedAt      when it was first published; null while it never was
 * @param withdrawn             the last acknowledged event was an {@code ArticleUnpublished}
 * @param scheduledAt           when the scheduler is to publish it; null when not scheduled
 * @param leaseUntil            an instance is publishing it until then; another may take over after
 * @param pendingRevision       the revision the scheduler reserved for the due publication: a retry
 *                              produces the same revision again, which consumers ignore as a duplicate
 */
@Document("drafts")
record Draft(
        @Id String id,
        String title,
        String lead,
        String bodyHtml,
        List<ArticleImage> images,
        String author,
        String category,
        List<String> tags,
        long lastRevision,
        long lastEventRevision,
        String slug,
        Instant firstPublishedAt,
        boolean withdrawn,
        @Indexed Instant scheduledAt,
        Instant leaseUntil,
        Long pendingRevision,
        Instant createdAt,
        Instant updatedAt,
        String createdBy,
        String updatedBy) {

    String status() {
        if (scheduledAt != null) {
            return "scheduled";
        }
        if (withdrawn) {
            return "withdrawn";
        }
        return firstPublishedAt != null ? "published" : "draft";
    }
}
