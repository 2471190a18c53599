package vn.portal.article.slug;

import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import vn.portal.platform.slug.Slugs;

/**
 * The URLs handed out, one per article, for good: the {@code slugs} collection, where a slug is
 * the unique {@code _id}. The first claim of a slug wins; an article that wants a taken slug gets
 * it with a short suffix derived from its id ({@code ...-thi-dua-1k3x9a}). An article keeps its
 * slug when its title is corrected.
 *
 * <p>This is not part of the read model and a rebuild keeps it: which of two articles with the same
 * title got the plain slug depends on which came first, and the order of two articles on different
 * partitions is not the same on every replay. A URL once given out must not change.
 */
@Component
public class SlugRegistry {

    private static final int MAX_ATTEMPTS = 5;

    private final MongoTemplate mongo;

    SlugRegistry(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The slug of an article, if it has one. */
    public Optional<String> slugOf(String articleId) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("articleId").is(articleId)), SlugClaim.class))
                .map(SlugClaim::slug);
    }

    /** The article's slug: the one it has, else {@code wanted} (or {@code Slugs.of(title)}) claimed now. */
    public String claim(String articleId, String wanted, String title) {
        Optional<String> existing = slugOf(articleId);
        if (existing.isPresent()) {
            return existing.get(); // stable: a corrected title keeps the URL
        }
        String base = wanted != null && !wanted.isBlank() ? wanted : Slugs.of(title);
        String candidate = base;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try {
                mongo.insert(new SlugClaim(candidate, articleId));
                return candidate;
            } catch (DuplicateKeyException taken) {
                Optional<String> mine = slugOf(articleId);
                if (mine.isPresent()) {
                    return mine.get(); // claimed for this article meanwhile (the API and the consumer)
                }
                candidate = base + "-" + suffix(articleId) + (attempt > 1 ? attempt : "");
            }
        }
        throw new IllegalStateException("no free slug for article " + articleId + " after " + MAX_ATTEMPTS + " attempts");
    }

    /** A short, stable suffix for the article: its id hashed to base 36, at most 7 characters. */
    static String suffix(String articleId) {
        return Integer.toUnsignedString(articleId.hashCode(), 36);
    }
}
