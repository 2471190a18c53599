package vn.portal.article.read;

import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

/** Reads of the read model; it is written only by the ingest consumer. */
public interface ArticleRepository extends MongoRepository<Article, String> {

    Optional<Article> findBySlug(String slug);
}
