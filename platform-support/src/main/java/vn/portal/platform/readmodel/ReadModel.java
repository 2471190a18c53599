package vn.portal.platform.readmodel;

import java.util.List;
import java.util.function.Function;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.messaging.Message;

/**
 * A read model that consumers fill from topics, as {@link ReadModelRebuild} needs to know it: the
 * topics it is built from, what of MongoDB holds it (emptied before a rebuild; indexes stay) and
 * the projection, the same code the binding function runs for each message. Declare one as a bean
 * to make it rebuildable with {@code POST /api/admin/read-models/{name}/rebuild}.
 *
 * @param projection applies one message and returns its outcome (its {@code toString} is counted);
 *                   idempotent and order-safe, as every projection of the platform is
 */
public record ReadModel(String name, List<String> topics, List<Part> parts, Function<Message<byte[]>, ?> projection) {

    /** The documents of {@code collection} that {@code which} matches belong to the read model. */
    public record Part(String collection, Criteria which) {
    }

    /** A read model that owns these collections whole. */
    public static ReadModel of(String name, List<String> topics, List<String> collections,
                               Function<Message<byte[]>, ?> projection) {
        return new ReadModel(name, topics, collections.stream().map(c -> new Part(c, new Criteria())).toList(),
                projection);
    }
}
