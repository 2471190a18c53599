package vn.portal.rating.vote;

import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import vn.portal.contracts.ArticleRated;
import vn.portal.contracts.Topics;
import vn.portal.platform.events.IncomingEvents;
import vn.portal.platform.readmodel.ReadModel;

/**
 * The binding function {@value #BINDING} ({@code currentVotes-in-0}, ArticleRated): schema check
 * first ({@link IncomingEvents}), then {@link CurrentVotesProjection}; the query side is {@link VoteController}
 * (a voter's previous stars) and the best-rated list ({@code summary.TopRatedController}).
 */
@Component(CurrentVotesBinding.BINDING)
class CurrentVotesBinding implements Consumer<Message<byte[]>> {

    static final String BINDING = "currentVotes";

    private final IncomingEvents incoming;
    private final CurrentVotesProjection projection;

    CurrentVotesBinding(IncomingEvents incoming, CurrentVotesProjection projection) {
        this.incoming = incoming;
        this.projection = projection;
    }

    @Override
    public void accept(Message<byte[]> message) {
        handle(message);
    }

    /** {@code votes}, rebuildable with {@code POST /api/admin/read-models/current-votes/rebuild}. */
    @Bean
    static ReadModel currentVotesReadModel(CurrentVotesBinding binding) {
        return ReadModel.of("current-votes", List.of(Topics.ARTICLE_RATED), List.of("votes"), binding::handle);
    }

    private String handle(Message<byte[]> message) {
        return projection.apply(incoming.read(message, ArticleRated.class));
    }
}
