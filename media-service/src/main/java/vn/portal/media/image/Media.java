package vn.portal.media.image;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bson.types.ObjectId;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;
import vn.portal.contracts.MediaRendition;

/**
 * One stored image: its metadata here, its bytes in GridFS. {@code sha256} (of the uploaded bytes)
 * is unique: the same bytes are stored once. {@code sourceFileId} is the upload exactly as it came,
 * kept only to make the renditions again and never served (it still has its EXIF and GPS);
 * everything served is a {@link StoredRendition}. {@code width} and {@code height} are the
 * displayed size of the upload, after its EXIF orientation. {@code announced} turns true once
 * {@code MediaUploaded} is in the log.
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
        String copyright,
        String album,
        @Indexed String albumId,
        FocalPoint focalPoint,
        @Field("gridFsFileId") ObjectId sourceFileId,
        List<StoredRendition> renditions,
        Instant uploadedAt,
        boolean announced) {

    static final String ORIGINAL = RenditionPlan.ORIGINAL;

    /**
     * One served form. Forms with the same picture share one GridFS file; the ETag is the SHA-256
     * of the served bytes.
     */
    record StoredRendition(String name, int width, int height, String contentType, String extension,
                           ObjectId fileId, String sha256, long bytes) {
    }

    static String url(String id, String rendition) {
        return "/api/media/" + id + "/" + rendition;
    }

    String url(String rendition) {
        return url(id, rendition);
    }

    Optional<StoredRendition> rendition(String name) {
        return renditions == null ? Optional.empty()
                : renditions.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** What is served, as announced in {@code MediaUploaded}: {@code original} first. */
    List<MediaRendition> announcedRenditions() {
        return renditions.stream().map(r -> new MediaRendition(r.name(), r.width(), r.height(), url(r.name())))
                .toList();
    }

    boolean altMissing() {
        return alt == null || alt.isBlank();
    }

    Media announcedNow() {
        return new Media(id, sha256, contentType, width, height, bytes, caption, alt, credit, copyright, album,
                albumId, focalPoint, sourceFileId, renditions, uploadedAt, true);
    }
}
