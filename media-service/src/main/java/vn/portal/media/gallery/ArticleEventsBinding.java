package vn.portal.media.gallery;

import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.query.Criteria;
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
 * check first ({@link IncomingEvents}), then {@link GalleryProjection}; the query side is
 * {@link GalleryController}. Invalid messages go to the dead letter topic with the reason.
 */
@Component(ArticleEventsBinding.BINDING)
class ArticleEventsBinding implements Consumer<Message<byte[]>> {

    static final String BINDING = "articleEvents";

    private final IncomingEvents incoming;
    private final GalleryProjection projection;

    ArticleEventsBinding(IncomingEvents incoming, GalleryProjection projection) {
        this.incoming = incoming;
        this.projection = projection;
    }

    @Override
    public void accept(Message<byte[]> message) {
        handle(message);
    }

    /**
     * The articles' galleries (not the albums', which come from the media records), rebuilt from
     * both topics: {@code POST /api/admin/read-models/galleries/rebuild}.
     */
    @Bean
    static ReadModel galleriesReadModel(ArticleEventsBinding binding) {
        return new ReadModel("galleries", List.of(Topics.ARTICLE_PUBLISHED, Topics.ARTICLE_UNPUBLISHED),
                List.of(new ReadModel.Part("galleries", new Criteria().orOperator( // no kind: stored before albums
                        Criteria.where("kind").is(Gallery.Kind.ARTICLE.name()), Criteria.where("kind").exists(false)))),
                binding::handle);
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
