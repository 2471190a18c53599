package vn.portal.article.read;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import vn.portal.contracts.ArticleImage;

/** An article as readers get it; dates in the portal's time zone, Asia/Ho_Chi_Minh. */
record ArticleResponse(String id, String slug, long revision, String title, String lead, String bodyHtml,
                       List<ArticleImage> images, String author, String category, List<String> tags,
                       String language, OffsetDateTime publishedAt, OffsetDateTime updatedAt,
                       String correctionNote) {

    static final ZoneId PORTAL_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    static ArticleResponse of(Article a) {
        return new ArticleResponse(a.id(), a.slug(), a.revision(), a.title(), a.lead(), a.bodyHtml(),
                a.images(), a.author(), a.category(), a.tags(), a.language(), local(a.publishedAt()),
                local(a.updatedAt()), a.correctionNote());
    }

    static OffsetDateTime local(Instant instant) {
        return instant == null ? null : instant.atZone(PORTAL_ZONE).toOffsetDateTime();
    }
}
