package vn.portal.media.image;

import java.time.Instant;
import java.util.List;
import org.bson.types.ObjectId;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.portal.contracts.MediaRendition;

/**
 * One stored image: its metadata here, its original bytes in GridFS. {@code sha256} is unique:
 * the same bytes are stored once. {@code announced} turns true once {@code MediaUploaded} is in
 * the log.
 */
@Document("media")
record Media(
        @Id String id,
        @Indexed(unique = true) String sha256,
        String contentType,
        int width,
        int height,
        long bytes,
        String caption,
        String alt,
        String credit,
        ObjectId gridFsFileId,
        Instant uploadedAt,
        boolean announced) {

    static final String ORIGINAL = "original";

    String url(String rendition) {
        return "/api/media/" + id + "/" + rendition;
    }

    /** What is served, as announced in {@code MediaUploaded}; for now the original only. */
    List<MediaRendition> renditions() {
        return List.of(new MediaRendition(ORIGINAL, width, height, url(ORIGINAL)));
    }

    ImageType type() {
        return ImageType.ofContentType(contentType);
    }
}
