package vn.portal.platform.mongo;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The one write every order-safe consumer makes, without transactions: update the document with
 * this id only if what it holds is older, and create it when it is missing. When the stored
 * document is as new or newer, the guard matches nothing and the upsert's insert clashes on
 * {@code _id}: nothing changes.
 */
public final class Projections {

    private Projections() {
    }

    /** The {@code revision} of the stored document with this id, 0 when there is none. */
    public static long storedRevision(MongoTemplate mongo, Class<?> type, String id) {
        Query query = Query.query(Criteria.where("_id").is(id));
        query.fields().include("revision");
        Document stored = mongo.findOne(query, Document.class, mongo.getCollectionName(type));
        return stored != null && stored.get("revision") instanceof Number revision ? revision.longValue() : 0;
    }

    /**
     * @param olderThanThis the guard on the stored document, e.g. {@code where("revision").lt(r)}
     * @return true when applied; false for a duplicate or a late event
     */
    public static boolean upsertIfNewer(MongoTemplate mongo, Class<?> type, String id, Criteria olderThanThis,
                                        Update update) {
        Query older = Query.query(Criteria.where("_id").is(id).andOperator(olderThanThis));
        try {
            mongo.upsert(older, update, type);
            return true;
        } catch (DuplicateKeyException e) {
            if (mongo.exists(Query.query(Criteria.where("_id").is(id)), type) && !mongo.exists(older, type)) {
                return false; // the stored document is as new or newer
            }
            throw e; // another unique index clashed: not a duplicate, let the error handler retry
        }
    }
}
