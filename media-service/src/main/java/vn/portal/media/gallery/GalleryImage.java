package vn.portal.media.gallery;

import java.util.Map;
import vn.portal.contracts.ArticleImage;
import vn.portal.media.image.MediaSummary;

/**
 * One image of a gallery. The gallery's own text (an article's caption and alt) comes first; what
 * it lacks comes from the media record, so alt text an editor adds later shows here.
 * {@code altMissing} is true for an image that still has none: alt text is required before an image
 * may appear in a published article, and this is how editors and the article tools see which lack it.
 */
record GalleryImage(String mediaId, String url, String caption, String alt, boolean altMissing, String credit) {

    static GalleryImage of(ArticleImage image, Map<String, MediaSummary> media) {
        MediaSummary stored = image.mediaId() == null ? null : media.get(image.mediaId());
        String caption = either(image.caption(), stored == null ? null : stored.caption());
        String alt = either(image.alt(), stored == null ? null : stored.alt());
        String credit = either(image.credit(), stored == null ? null : stored.credit());
        return new GalleryImage(image.mediaId(), image.url(), caption, alt, alt == null, credit);
    }

    private static String either(String own, String stored) {
        if (own != null && !own.isBlank()) {
            return own;
        }
        return stored != null && !stored.isBlank() ? stored : null;
    }
}
