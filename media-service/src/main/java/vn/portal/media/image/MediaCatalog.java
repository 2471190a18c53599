package vn.portal.media.image;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Read-only look-ups of stored images for the other features (the galleries). */
@Component
public class MediaCatalog {

    private final MongoTemplate mongo;

    MediaCatalog(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The images of an album in the order they were uploaded. */
    public List<MediaSummary> inAlbum(String albumId) {
        return mongo.find(query(where("albumId").is(albumId)).with(Sort.by("uploadedAt", "_id")), Media.class)
                .stream().map(MediaSummary::of).toList();
    }

    /** The stored ones among these ids. */
    public Map<String, MediaSummary> byIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return mongo.find(query(where("_id").in(ids)), Media.class).stream().map(MediaSummary::of)
                .collect(Collectors.toMap(MediaSummary::id, Function.identity()));
    }
}
