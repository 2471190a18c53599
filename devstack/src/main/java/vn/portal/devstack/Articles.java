package vn.portal.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;
import vn.portal.contracts.ArticlePublished;
import vn.portal.contracts.EventType;

/** Test and seed articles. The seed is the golden example of {@code ArticlePublished}. */
public final class Articles {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Articles() {
    }

    /** The seed page's article, revision 1, exactly as the contract's golden example. */
    public static ArticlePublished seedArticle() {
        try (InputStream in = EventType.class.getResourceAsStream(EventType.ARTICLE_PUBLISHED.exampleResource())) {
            return JSON.readValue(in, ArticlePublished.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A distinct article with the given title and a fresh id, revision 1. */
    public static ArticlePublished article(String title) {
        return article(title, Instant.now());
    }

    /** A distinct article first published at the given time. */
    public static ArticlePublished article(String title, Instant publishedAt) {
        ArticlePublished seed = seedArticle();
        return new ArticlePublished(UUID.randomUUID().toString(), 1, null, title, seed.lead(), seed.bodyHtml(),
                seed.images(), seed.author(), seed.category(), seed.tags(), seed.language(), publishedAt,
                publishedAt, null);
    }

    /** The same article as a later revision with another title and a correction note. */
    public static ArticlePublished revision(ArticlePublished article, long revision, String title, String note) {
        return new ArticlePublished(article.articleId(), revision, article.slug(), title, article.lead(),
                article.bodyHtml(), article.images(), article.author(), article.category(), article.tags(),
                article.language(), article.publishedAt(), Instant.now(), note);
    }
}
