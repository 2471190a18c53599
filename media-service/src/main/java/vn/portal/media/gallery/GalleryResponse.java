package vn.portal.media.gallery;

import java.util.List;

/** An article's images in the article's order, with their captions. */
record GalleryResponse(String articleId, long revision, String title, List<Image> images) {

    record Image(String mediaId, String url, String caption, String alt, String credit) {
    }

    static GalleryResponse of(Gallery gallery) {
        return new GalleryResponse(gallery.id(), gallery.revision(), gallery.title(), gallery.images().stream()
                .map(i -> new Image(i.mediaId(), i.url(), i.caption(), i.alt(), i.credit()))
                .toList());
    }
}
