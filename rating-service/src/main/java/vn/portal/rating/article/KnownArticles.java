package vn.portal.rating.article;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The query side of rating-service's own list of published articles ({@code known_articles}),
 * which {@link KnownArticlesBinding} and {@link KnownArticlesProjection} fill from
 * ArticlePublished/ArticleUnpublished: no synchronous call to article-service.
 */
@Component
public class KnownArticles {

    private final MongoTemplate mongo;

    KnownArticles(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * The id of the published article with this id or slug. The id is the canonical way in: the
     * slug here is derived from the title as article-service derives it, but article-service adds
     * a suffix when two titles collide, which only it knows; so a slug that two published articles
     * share answers nothing rather than the wrong article.
     */
    public Optional<String> publishedArticleId(String idOrSlug) {
        KnownArticle article = mongo.findById(idOrSlug, KnownArticle.class);
        if (article != null) {
            return Optional.of(article).filter(KnownArticle::published).map(KnownArticle::id);
        }
        List<KnownArticle> bySlug = mongo.find(
                Query.query(Criteria.where("slug").is(idOrSlug).and("published").is(true)).limit(2), KnownArticle.class);
        return bySlug.size() == 1 ? Optional.of(bySlug.get(0).id()) : Optional.empty();
    }

    /** Slug and title of those of these articles that are published. */
    public Map<String, Headline> publishedHeadlines(Collection<String> articleIds) {
        Map<String, Headline> headlines = new HashMap<>();
        mongo.find(Query.query(Criteria.where("_id").in(articleIds).and("published").is(true)), KnownArticle.class)
                .forEach(article -> headlines.put(article.id(), new Headline(article.slug(), article.title())));
        return headlines;
    }

    public record Headline(String slug, String title) {
    }
}
