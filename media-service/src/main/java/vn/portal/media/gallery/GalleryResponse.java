package vn.portal.media.gallery;

import java.util.List;

/** An article's images in the article's order, with their captions. */
record GalleryResponse(String articleId, long revision, String title, List<GalleryImage> images) {
}
