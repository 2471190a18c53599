package vn.portal.article.ingest;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import vn.portal.contracts.Topics;
import vn.portal.platform.events.InvalidEventException;

/**
 * Feeds the read model from the article topics. An invalid record is counted here and rethrown:
 * the platform's error handler sends it to the dead letter topic at once, with the reason.
 */
@Component
class ArticleEventsListener {

    private final ArticleIngest ingest;

    ArticleEventsListener(ArticleIngest ingest) {
        this.ingest = ingest;
    }

    @KafkaListener(id = ArticleIngest.PUBLISHED_LISTENER, idIsGroup = false, topics = Topics.ARTICLE_PUBLISHED)
    void onPublished(ConsumerRecord<String, byte[]> record) {
        handle(record);
    }

    @KafkaListener(id = ArticleIngest.UNPUBLISHED_LISTENER, idIsGroup = false, topics = Topics.ARTICLE_UNPUBLISHED)
    void onUnpublished(ConsumerRecord<String, byte[]> record) {
        handle(record);
    }

    private void handle(ConsumerRecord<String, byte[]> record) {
        try {
            ingest.handle(record);
        } catch (InvalidEventException e) {
            ingest.deadLettered(record, e);
            throw e;
        }
    }
}
