package vn.portal.article.rating;

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
 * The binding function {@value #BINDING} ({@code ratingSummaries-in-0}, the compacted
 * {@code ArticleRatingSummary} topic): schema check first, then {@link RatingProjection}; the
 * query side is {@link ArticleRatings}.
 */
@Component(RatingSummaryBinding.BINDING)
class RatingSummaryBinding implements Consumer<Message<byte[]>> {

    static final String BINDING = "ratingSummaries";

    private final IncomingEvents incoming;
    private final RatingProjection projection;

    RatingSummaryBinding(IncomingEvents incoming, RatingProjection projection) {
        this.incoming = incoming;
        this.projection = projection;
    }

    @Override
    public void accept(Message<byte[]> message) {
        handle(message);
    }

    /** The rating totals, rebuilt from the compacted summaries ({@code POST /api/admin/read-models/ratings/rebuild}). */
    @Bean
    static ReadModel ratingsReadModel(RatingSummaryBinding binding) {
        return ReadModel.of("ratings", List.of(Topics.ARTICLE_RATING_SUMMARY), List.of("ratings"), binding::handle);
    }

    private String handle(Message<byte[]> message) {
        return projection.apply(incoming.read(message, ArticleRatingSummary.class));
    }
}
