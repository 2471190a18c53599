package vn.portal.media.gallery;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import vn.portal.media.image.MediaUsage;

/** An image is in use while the gallery of a published article holds it. */
@Component
class PublishedArticleUsage implements MediaUsage {

    private final MongoTemplate mongo;

    PublishedArticleUsage(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public List<String> publishedArticlesUsing(String mediaId) {
        return mongo.find(query(where("status").is(Gallery.Status.PUBLISHED).and("kind").ne(Gallery.Kind.ALBUM)
                        .and("images.mediaId").is(mediaId)), Gallery.class)
                .stream().map(Gallery::id).toList();
    }
}
