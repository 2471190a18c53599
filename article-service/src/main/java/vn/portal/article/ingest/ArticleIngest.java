package vn.portal.article.ingest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.portal.article.rules.ArticleRules;
import vn.portal.contracts.ArticlePublished;
import vn.portal.contracts.ArticleUnpublished;
import vn.portal.contracts.Topics;
import vn.portal.platform.events.CloudEventHeaders;
import vn.portal.platform.events.IncomingEvents;
import vn.portal.platform.events.InvalidEventException;

/**
 * One record of {@code ArticlePublished} or {@code ArticleUnpublished} into the read model: read
 * and schema-check it, apply the reader rules and sanitize the body, then project it. Used by the
 * listeners and by the rebuild, so a replay goes through exactly the same code.
 */
@Component
public class ArticleIngest {

    /** The ids of the listener containers that feed the read model, for the rebuild to stop and start. */
    public static final String PUBLISHED_LISTENER = "article-published";
    public static final String UNPUBLISHED_LISTENER = "article-unpublished";
    public static final List<String> TOPICS = List.of(Topics.ARTICLE_PUBLISHED, Topics.ARTICLE_UNPUBLISHED);

    private static final Logger log = LoggerFactory.getLogger(ArticleIngest.class);

    private final IncomingEvents incoming;
    private final ArticleRules rules;
    private final ArticleProjection projection;
    private final IngestMetrics metrics;

    ArticleIngest(IncomingEvents incoming, ArticleRules rules, ArticleProjection projection, IngestMetrics metrics) {
        this.incoming = incoming;
        this.rules = rules;
        this.projection = projection;
        this.metrics = metrics;
    }

    /**
     * @throws InvalidEventException when the record is invalid or unsafe; nothing was written
     */
    public Outcome handle(ConsumerRecord<String, byte[]> record) {
        Outcome outcome;
        String articleId;
        long revision;
        if (Topics.ARTICLE_PUBLISHED.equals(record.topic())) {
            ArticleRules.Accepted accepted = rules.check(incoming.read(record, ArticlePublished.class));
            articleId = accepted.event().articleId();
            revision = accepted.event().revision();
            outcome = projection.apply(accepted);
        } else if (Topics.ARTICLE_UNPUBLISHED.equals(record.topic())) {
            ArticleUnpublished event = incoming.read(record, ArticleUnpublished.class);
            articleId = event.articleId();
            revision = event.revision();
            outcome = projection.apply(event);
        } else {
            throw new IllegalArgumentException("not an article topic: " + record.topic());
        }
        metrics.count(outcome, eventTime(record));
        log.info("article {} revision {}: {}", articleId, revision, outcome.tag());
        return outcome;
    }

    /** Counts a record that is on its way to the dead letter topic. */
    void deadLettered(ConsumerRecord<String, byte[]> record, InvalidEventException e) {
        metrics.count(Outcome.DEAD_LETTERED, null);
        log.warn("{}-{}@{} dead-lettered: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
    }

    private static Instant eventTime(ConsumerRecord<String, byte[]> record) {
        try {
            return CloudEventHeaders.read(record.headers(), CloudEventHeaders.TIME).map(Instant::parse)
                    .orElseGet(() -> record.timestamp() > 0 ? Instant.ofEpochMilli(record.timestamp()) : null);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
