package vn.portal.media.image;

import java.time.Instant;

/** What other features may know of a stored image. */
public record MediaSummary(String id, String caption, String alt, String credit, String album, Instant uploadedAt) {

    /** The form galleries show. */
    public static final String GALLERY_RENDITION = "w1024";
    /** The form the photo library shows as a gallery's cover. */
    public static final String COVER_RENDITION = "crop-4x3";

    public static String url(String mediaId, String rendition) {
        return Media.url(mediaId, rendition);
    }

    /** Alt text is required before an image can appear in a published article. */
    public boolean altMissing() {
        return alt == null || alt.isBlank();
    }

    static MediaSummary of(Media media) {
        return new MediaSummary(media.id(), media.caption(), media.alt(), media.credit(), media.album(),
                media.uploadedAt());
    }
}
