package vn.portal.web.gateway;

import java.time.OffsetDateTime;
import java.util.List;

/** The answers of the gateway's public API that the portal reads, as the API documents them. */
public final class Api {

    private Api() {
    }

    public record Article(String id, String slug, long revision, String title, String lead, String bodyHtml,
                          List<Image> images, String author, String category, List<String> tags,
                          String language, OffsetDateTime publishedAt, OffsetDateTime updatedAt,
                          String correctionNote, List<Correction> corrections, Rating rating) {
    }

    public record Image(String mediaId, String url, String caption, String alt, String credit) {
    }

    public record Correction(long revision, String note, OffsetDateTime at) {
    }

    public record Rating(long points, long count, String label) {
    }

    public record ArticlePage(List<ListItem> items, int page, int size, long total) {
    }

    public record ListItem(String id, String slug, String title, String lead, String category,
                           String coverImageUrl, OffsetDateTime publishedAt) {
    }

    /** An image's stored forms, for {@code srcset} and the crops of sharing cards. */
    public record Media(String id, int width, int height, String caption, String alt, String credit,
                        List<Rendition> renditions) {

        public Rendition rendition(String name) {
            return renditions == null ? null
                    : renditions.stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
        }
    }

    public record Rendition(String name, int width, int height, String url) {
    }

    public record LibraryPage(int page, int size, long total, List<GallerySummary> galleries) {
    }

    public record GallerySummary(String id, String kind, String title, Cover cover, int count,
                                 OffsetDateTime listedAt) {
    }

    public record Cover(String mediaId, String url) {
    }

    public record Gallery(String id, String kind, String title, String articleId, int count,
                          OffsetDateTime listedAt, List<GalleryImage> images) {
    }

    public record GalleryImage(String mediaId, String url, String caption, String alt, String credit) {
    }
}
