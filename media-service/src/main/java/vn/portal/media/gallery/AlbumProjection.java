package vn.portal.media.gallery;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import vn.portal.contracts.ArticleImage;
import vn.portal.media.image.AlbumChanged;
import vn.portal.media.image.MediaCatalog;
import vn.portal.media.image.MediaSummary;

/**
 * Keeps each album's gallery equal to the media records that name the album: derived afresh on
 * every change, so a repeated or missed-then-repeated change leaves it right. Serialised in this
 * instance; with several instances two concurrent uploads into one album could leave one image
 * out until the album's next change.
 */
@Component
class AlbumProjection {

    private final MongoTemplate mongo;
    private final MediaCatalog catalog;
    private final Clock clock;

    AlbumProjection(MongoTemplate mongo, MediaCatalog catalog, Clock clock) {
        this.mongo = mongo;
        this.catalog = catalog;
        this.clock = clock;
    }

    @EventListener
    synchronized void on(AlbumChanged changed) {
        List<MediaSummary> images = catalog.inAlbum(changed.albumId());
        if (images.isEmpty()) {
            mongo.remove(query(where("_id").is(changed.albumId())), Gallery.class);
            return;
        }
        Update update = new Update()
                .set("kind", Gallery.Kind.ALBUM)
                .set("revision", 0L)
                .set("status", Gallery.Status.PUBLISHED)
                .set("title", images.get(0).album())
                .set("images", images.stream().map(image -> new ArticleImage(image.id(),
                        MediaSummary.url(image.id(), MediaSummary.GALLERY_RENDITION), null, null, null)).toList())
                .set("count", images.size())
                .set("listedAt", images.get(images.size() - 1).uploadedAt())
                .set("updatedAt", clock.instant());
        mongo.upsert(query(where("_id").is(changed.albumId())), update, Gallery.class);
    }
}
