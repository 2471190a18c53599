package vn.portal.article.slug;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** One URL handed out: the slug (unique as the id) and the article that owns it for good. */
@Document("slugs")
record SlugClaim(@Id String slug, @Indexed(unique = true) String articleId) {
}
