package vn.portal.contracts;

import java.time.Instant;
import java.util.List;

/**
 * A revision of an article is published. A full snapshot: a consumer needs no earlier event.
 * Revisions increase per article; a consumer applies an event only when its revision is newer
 * than the one it holds.
 *
 * @param articleId      stable id of the article, the record key
 * @param revision       1 for the first publication, increasing with every correction
 * @param slug           the URL slug the editorial system asks for; null lets article-service derive it
 * @param title          headline
 * @param lead           the lead paragraph (sapo), plain text
 * @param bodyHtml       the body as HTML; untrusted, consumers sanitize it
 * @param images         the inline images in reading order, with their captions
 * @param author         byline
 * @param category       the portal section, e.g. "Tin tức - Sự kiện"
 * @param tags           free tags, may be empty
 * @param language       BCP 47 language tag, "vi" for the portal
 * @param publishedAt    when the article was first published
 * @param updatedAt      when this revision was published
 * @param correctionNote what this revision corrects, shown to readers; null for none
 */
public record ArticlePublished(
        String articleId,
        long revision,
        String slug,
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
}
