package vn.portal.rating.summary;

import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import vn.portal.contracts.ArticleRatingSummary;
import vn.portal.contracts.Topics;
import vn.portal.platform.events.IncomingEvents;
import vn.portal.platform.readmodel.ReadModel;

/**
 * The binding function {@value #BINDING} ({@code ratingTotals-in-0}, the tally's compacted
 * ArticleRatingSummary): schema check first ({@link IncomingEvents}), then
 * {@link TotalsProjection}; the query side is {@link RatingController}.
 */
@Component(TotalsBinding.BINDING)
class TotalsBinding implements Consumer<Message<byte[]>> {

    static final String BINDING = "ratingTotals";

    private final IncomingEvents incoming;
    private final TotalsProjection projection;

    TotalsBinding(IncomingEvents incoming, TotalsProjection projection) {
        this.incoming = incoming;
        this.projection = projection;
    }

    @Override
    public void accept(Message<byte[]> message) {
        handle(message);
    }

    /** {@code totals}, rebuildable with {@code POST /api/admin/read-models/totals/rebuild}. */
    @Bean
    static ReadModel totalsReadModel(TotalsBinding binding) {
        return ReadModel.of("totals", List.of(Topics.ARTICLE_RATING_SUMMARY), List.of("totals"), binding::handle);
    }

    private String handle(Message<byte[]> message) {
        return projection.apply(incoming.read(message, ArticleRatingSummary.class));
    }
}
