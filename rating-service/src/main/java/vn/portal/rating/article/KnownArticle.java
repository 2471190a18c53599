package vn.portal.rating.article;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** What rating-service knows of an article, learned from the article topics only. */
@Document("known_articles")
record KnownArticle(@Id String id, long revision, @Indexed String slug, String title, boolean published) {
}
