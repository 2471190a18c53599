package vn.portal.article.ingest;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import vn.portal.contracts.ArticlePublished;
import vn.portal.contracts.ArticleUnpublished;
import vn.portal.contracts.Topics;
import vn.portal.platform.events.IncomingEvents;

/** Feeds the read model from the article topics; invalid records go to the dead letter topic. */
@Component
class ArticleEventsListener {

    private final IncomingEvents incoming;
    private final ArticleProjection projection;

    ArticleEventsListener(IncomingEvents incoming, ArticleProjection projection) {
        this.incoming = incoming;
        this.projection = projection;
    }

    @KafkaListener(id = "article-published", idIsGroup = false, topics = Topics.ARTICLE_PUBLISHED)
    void onPublished(ConsumerRecord<String, byte[]> record) {
        projection.apply(incoming.read(record, ArticlePublished.class));
    }

    @KafkaListener(id = "article-unpublished", idIsGroup = false, topics = Topics.ARTICLE_UNPUBLISHED)
    void onUnpublished(ConsumerRecord<String, byte[]> record) {
        projection.apply(incoming.read(record, ArticleUnpublished.class));
    }
}
