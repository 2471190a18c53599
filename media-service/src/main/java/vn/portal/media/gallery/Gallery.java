package vn.portal.media.gallery;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.portal.contracts.ArticleImage;

/**
 * A gallery of the photo library, one of two kinds:
 * <ul>
 *   <li>{@code ARTICLE}: the images of one article in the article's order, with its captions,
 *   filled only from {@code ArticlePublished} and {@code ArticleUnpublished}. The id is the
 *   articleId; {@code revision} is the last applied event's revision. A withdrawn article keeps
 *   its document, without images, so that a late older revision cannot bring the gallery back.</li>
 *   <li>{@code ALBUM}: the images uploaded into one album, in upload order, derived from the media
 *   records whenever the album changes. The id is {@code album-<slug>}; captions come from the
 *   media records.</li>
 * </ul>
 * {@code listedAt} orders the library, newest first: an article's first publication, an album's
 * latest upload. {@code count} is the number of images; a gallery without any is not listed.
 */
@Document("galleries")
record Gallery(
        @Id String id,
        Kind kind,
        long revision,
        String title,
        List<ArticleImage> images,
        int count,
        Status status,
        Instant listedAt,
        Instant updatedAt) {

    enum Status { PUBLISHED, WITHDRAWN }

    enum Kind { ARTICLE, ALBUM }

    /** Galleries stored before albums existed have no kind: they are articles'. */
    Kind kindOrArticle() {
        return kind == null ? Kind.ARTICLE : kind;
    }

    boolean shown() {
        return status == Status.PUBLISHED && images != null && !images.isEmpty();
    }
}
