package vn.portal.media.gallery;

import vn.portal.platform.text.VietnameseText;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import vn.portal.contracts.ArticleImage;
import vn.portal.media.image.MediaSummary;

/** The photo library ("Thư viện ảnh") as clients get it; dates in Asia/Ho_Chi_Minh. */
final class LibraryResponses {

    private LibraryResponses() {
    }

    /** One page of galleries, newest first. */
    record Page(int page, int size, long total, List<Summary> galleries) {
    }

    /** A gallery as the library lists it. {@code kind} is {@code album} or {@code article}. */
    record Summary(String id, String kind, String title, Cover cover, int count, OffsetDateTime listedAt,
                   String url) {

        static Summary of(Gallery gallery) {
            return new Summary(gallery.id(), LibraryResponses.kind(gallery), gallery.title(), Cover.of(gallery.images().get(0)),
                    gallery.images().size(), at(gallery), "/api/galleries/" + gallery.id());
        }
    }

    /** The first image: its 4:3 crop when media-service stores it, otherwise the article's URL. */
    record Cover(String mediaId, String url) {

        static Cover of(ArticleImage image) {
            return image.mediaId() == null ? new Cover(null, image.url())
                    : new Cover(image.mediaId(), MediaSummary.url(image.mediaId(), MediaSummary.COVER_RENDITION));
        }
    }

    /** A gallery with its images. {@code articleId} is set for an article's gallery. */
    record Detail(String id, String kind, String title, String articleId, int count, OffsetDateTime listedAt,
                  List<GalleryImage> images) {
    }

    static String kind(Gallery gallery) {
        return gallery.kindOrArticle().name().toLowerCase(Locale.ROOT);
    }

    static OffsetDateTime at(Gallery gallery) {
        return gallery.listedAt() == null ? null : gallery.listedAt().atZone(VietnameseText.ZONE).toOffsetDateTime();
    }
}
