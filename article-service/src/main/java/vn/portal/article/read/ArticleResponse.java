package vn.portal.article.read;

import static vn.portal.article.config.PortalTime.local;

import java.time.OffsetDateTime;
import java.util.List;
import vn.portal.article.rating.ArticleRating;
import vn.portal.contracts.ArticleImage;
import vn.portal.platform.text.VietnameseText;

/**
 * An article as readers get it; dates in the portal's time zone, Asia/Ho_Chi_Minh.
 *
 * @param correctionNote the note of the current revision, if it corrects something
 * @param corrections    every correction so far, oldest first
 * @param rating         the current totals from rating-service
 */
record ArticleResponse(String id, String slug, long revision, String title, String lead, String bodyHtml,
                       List<ArticleImage> images, String author, String category, List<String> tags,
                       String language, OffsetDateTime publishedAt, OffsetDateTime updatedAt,
                       String correctionNote, List<CorrectionResponse> corrections, RatingResponse rating) {

    static ArticleResponse of(Article a, ArticleRating rating) {
        List<CorrectionResponse> corrections = a.corrections() == null ? List.of()
                : a.corrections().stream().map(c -> new CorrectionResponse(c.revision(), c.note(), local(c.at()))).toList();
        return new ArticleResponse(a.id(), a.slug(), a.revision(), a.title(), a.lead(), a.bodyHtml(),
                a.images(), a.author(), a.category(), a.tags(), a.language(), local(a.publishedAt()),
                local(a.updatedAt()), a.correctionNote(), corrections, RatingResponse.of(rating));
    }

    record CorrectionResponse(long revision, String note, OffsetDateTime at) {
    }

    /** The rating line of the article page: "Tổng số điểm của bài viết là: 4 trong 1 đánh giá". */
    record RatingResponse(long points, long count, double average, double score, String label) {

        static RatingResponse of(ArticleRating r) {
            return new RatingResponse(r.points(), r.count(), r.average(), r.score(),
                    VietnameseText.ratingLine(r.points(), r.count()));
        }
    }
}
