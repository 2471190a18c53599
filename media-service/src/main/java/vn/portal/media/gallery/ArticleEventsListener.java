package vn.portal.media.gallery;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import vn.portal.contracts.ArticlePublished;
import vn.portal.contracts.ArticleUnpublished;
import vn.portal.contracts.Topics;
import vn.portal.platform.events.IncomingEvents;

/** Feeds the galleries from the article topics; invalid records go to the dead letter topic. */
@Component
class ArticleEventsListener {

    private final IncomingEvents incoming;
    private final GalleryProjection projection;

    ArticleEventsListener(IncomingEvents incoming, GalleryProjection projection) {
        this.incoming = incoming;
        this.projection = projection;
    }

    @KafkaListener(id = "gallery-article-published", idIsGroup = false, topics = Topics.ARTICLE_PUBLISHED)
    void onPublished(ConsumerRecord<String, byte[]> record) {
        projection.apply(incoming.read(record, ArticlePublished.class));
    }

    @KafkaListener(id = "gallery-article-unpublished", idIsGroup = false, topics = Topics.ARTICLE_UNPUBLISHED)
    void onUnpublished(ConsumerRecord<String, byte[]> record) {
        projection.apply(incoming.read(record, ArticleUnpublished.class));
    }
}
