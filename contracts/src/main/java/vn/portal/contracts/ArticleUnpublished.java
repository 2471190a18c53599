package vn.portal.contracts;

import java.time.Instant;

/**
 * The article is withdrawn. It shares the revision sequence of {@link ArticlePublished}: a later
 * {@code ArticlePublished} with a higher revision brings the article back.
 *
 * @param articleId     the record key
 * @param revision      newer than the revision it withdraws
 * @param unpublishedAt when it was withdrawn
 * @param reason        why, for editors; may be null
 */
public record ArticleUnpublished(String articleId, long revision, Instant unpublishedAt, String reason) {
}
