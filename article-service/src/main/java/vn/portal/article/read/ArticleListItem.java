package vn.portal.article.read;

import java.time.OffsetDateTime;
import vn.portal.article.config.PortalTime;

/** One line of the article list. */
record ArticleListItem(String id, String slug, String title, String lead, String category,
                       String coverImageUrl, OffsetDateTime publishedAt) {

    static ArticleListItem of(Article a) {
        String cover = a.images() == null || a.images().isEmpty() ? null : a.images().get(0).url();
        return new ArticleListItem(a.id(), a.slug(), a.title(), a.lead(), a.category(), cover,
                PortalTime.local(a.publishedAt()));
    }
}
