package vn.portal.article.editorial;

import static vn.portal.article.config.PortalTime.local;

import java.time.OffsetDateTime;
import java.util.List;
import vn.portal.article.history.Revision;
import vn.portal.contracts.ArticleImage;

/** What the editorial API answers; dates in Asia/Ho_Chi_Minh. */
final class EditorialResponses {

    private EditorialResponses() {
    }

    record DraftResponse(String id, String status, String title, String lead, String bodyHtml,
                         List<ArticleImage> images, String author, String category, List<String> tags,
                         long revision, String slug, String url, OffsetDateTime firstPublishedAt,
                         OffsetDateTime scheduledAt, OffsetDateTime createdAt, OffsetDateTime updatedAt,
                         String createdBy, String updatedBy) {

        static DraftResponse of(Draft d, String url) {
            return new DraftResponse(d.id(), d.status(), d.title(), d.lead(), d.bodyHtml(), d.images(), d.author(),
                    d.category(), d.tags(), d.lastEventRevision(), d.slug(), d.slug() == null ? null : url,
                    local(d.firstPublishedAt()), local(d.scheduledAt()), local(d.createdAt()),
                    local(d.updatedAt()), d.createdBy(), d.updatedBy());
        }
    }

    record DraftSummary(String id, String status, String title, OffsetDateTime scheduledAt, OffsetDateTime updatedAt) {

        static DraftSummary of(Draft d) {
            return new DraftSummary(d.id(), d.status(), d.title(), local(d.scheduledAt()), local(d.updatedAt()));
        }
    }

    record DraftPage(List<DraftSummary> items, int page, int size, long total) {
    }

    /**
     * The answer to publish, correct and unpublish: the event is in Kafka; readers see the change
     * as soon as article-service has ingested it, at {@code url}.
     */
    record PublicationResponse(String articleId, long revision, String status, String slug, String url,
                               String correctionNote) {
    }

    record RevisionResponse(long revision, String kind, String title, String lead, String bodyHtml,
                            String correctionNote, String reason, OffsetDateTime at) {

        static RevisionResponse of(Revision r) {
            return new RevisionResponse(r.revision(), r.kind().name().toLowerCase(), r.title(), r.lead(),
                    r.bodyHtml(), r.correctionNote(), r.reason(), local(r.at()));
        }
    }

    record ScheduleRequest(OffsetDateTime publishAt) {
    }

    record CorrectionRequest(String note) {
    }

    record UnpublishRequest(String reason) {
    }
}
