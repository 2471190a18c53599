package vn.portal.rating.article;

import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import vn.portal.contracts.ArticlePublished;
import vn.portal.contracts.ArticleUnpublished;
import vn.portal.contracts.Topics;
import vn.portal.platform.events.IncomingEvents;
import vn.portal.platform.readmodel.ReadModel;

/**
 * The binding function {@value #BINDING} ({@code articleEvents-in-0}, both article topics): schema
 * check first ({@link IncomingEvents}), then {@link KnownArticlesProjection}; the query side is
 * {@link KnownArticles}. Invalid messages go to the dead letter topic with the reason.
 */
@Component(KnownArticlesBinding.BINDING)
class KnownArticlesBinding implements Consumer<Message<byte[]>> {

    static final String BINDING = "articleEvents";

    private final IncomingEvents incoming;
    private final KnownArticlesProjection projection;

    KnownArticlesBinding(IncomingEvents incoming, KnownArticlesProjection projection) {
        this.incoming = incoming;
        this.projection = projection;
    }

    @Override
    public void accept(Message<byte[]> message) {
        handle(message);
    }

    /** {@code known_articles}, rebuildable with {@code POST /api/admin/read-models/known-articles/rebuild}. */
    @Bean
    static ReadModel knownArticlesReadModel(KnownArticlesBinding binding) {
        return ReadModel.of("known-articles", List.of(Topics.ARTICLE_PUBLISHED, Topics.ARTICLE_UNPUBLISHED),
                List.of("known_articles"), binding::handle);
    }

    private String handle(Message<byte[]> message) {
        Object topic = message.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC);
        if (Topics.ARTICLE_PUBLISHED.equals(topic)) {
            return projection.apply(incoming.read(message, ArticlePublished.class));
        }
        if (Topics.ARTICLE_UNPUBLISHED.equals(topic)) {
            return projection.apply(incoming.read(message, ArticleUnpublished.class));
        }
        throw new IllegalArgumentException("not an article topic: " + topic);
    }
}
