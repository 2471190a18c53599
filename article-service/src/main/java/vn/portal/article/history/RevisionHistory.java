package vn.portal.article.history;

import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The {@code revisions} collection: every revision of every article, in revision order. */
@Component
public class RevisionHistory {

    private final MongoTemplate mongo;

    RevisionHistory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Keeps a revision. Idempotent: the id is the article and the revision, and the first record of
     * a revision wins, as it does in the read model.
     */
    public void keep(Revision revision) {
        try {
            mongo.insert(revision);
        } catch (DuplicateKeyException redelivered) {
            // already kept
        }
    }

    public List<Revision> of(String articleId) {
        return mongo.find(Query.query(Criteria.where("articleId").is(articleId)).with(Sort.by("revision")),
                Revision.class);
    }

    /** The correction notes of the published revisions up to {@code revision}, oldest first. */
    public List<Revision> corrections(String articleId, long upToRevision) {
        return mongo.find(Query.query(Criteria.where("articleId").is(articleId)
                        .and("kind").is(Revision.Kind.PUBLISHED)
                        .and("revision").lte(upToRevision)
                        .and("correctionNote").ne(null))
                .with(Sort.by("revision")), Revision.class);
    }

    /** Empties the history, for a rebuild from the log. */
    public void clear() {
        mongo.remove(new Query(), Revision.class);
    }
}
