package vn.portal.media.image;

/**
 * An image joined or left an album (an upload that names it, a deletion). Published in process,
 * after the media record is written; the album's gallery is derived again from the records, so
 * handling it twice changes nothing.
 *
 * @param albumId the album's id, {@code album-<slug of its name>}
 */
public record AlbumChanged(String albumId) {
}
