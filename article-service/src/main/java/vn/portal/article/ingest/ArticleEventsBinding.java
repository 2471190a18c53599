package vn.portal.article.ingest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import vn.portal.article.rules.ArticleRules;
import vn.portal.contracts.ArticlePublished;
import vn.portal.contracts.ArticleUnpublished;
import vn.portal.contracts.Topics;
import vn.portal.platform.events.CloudEventHeaders;
import vn.portal.platform.events.IncomingEvents;
import vn.portal.platform.events.InvalidEventException;
import vn.portal.platform.readmodel.ReadModel;

/**
 * The binding function {@value #BINDING} ({@code articleEvents-in-0} in application.yml, both
 * article topics): one message of {@code ArticlePublished} or {@code ArticleUnpublished} into the
 * read model. Read and schema-check it first ({@link IncomingEvents}), apply the reader rules and
 * sanitize the body, then hand it to {@link ArticleProjection}; the query side is
 * {@code read.ArticleRepository}. An invalid message is counted and rethrown: the platform's error
 * handler sends it to the dead letter topic at once, with the reason. The rebuild of the read model
 * ({@link #articlesReadModel}) runs the same {@link #handle} for every record.
 */
@Component(ArticleEventsBinding.BINDING)
public class ArticleEventsBinding implements Consumer<Message<byte[]>> {

    static final String BINDING = "articleEvents";
    public static final List<String> TOPICS = List.of(Topics.ARTICLE_PUBLISHED, Topics.ARTICLE_UNPUBLISHED);

    private static final Logger log = LoggerFactory.getLogger(ArticleEventsBinding.class);

    private final IncomingEvents incoming;
    private final ArticleRules rules;
    private final ArticleProjection projection;
    private final IngestMetrics metrics;

    ArticleEventsBinding(IncomingEvents incoming, ArticleRules rules, ArticleProjection projection, IngestMetrics metrics) {
        this.incoming = incoming;
        this.rules = rules;
        this.projection = projection;
        this.metrics = metrics;
    }

    @Override
    public void accept(Message<byte[]> message) {
        try {
            handle(message);
        } catch (InvalidEventException e) {
            metrics.count(Outcome.DEAD_LETTERED, null);
            log.warn("{}-{}@{} dead-lettered: {}", message.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC),
                    message.getHeaders().get(KafkaHeaders.RECEIVED_PARTITION),
                    message.getHeaders().get(KafkaHeaders.OFFSET), e.getMessage());
            throw e;
        }
    }

    /**
     * The articles and their revision history, rebuilt from both article topics through
     * {@link #handle} ({@code POST /api/admin/read-models/articles/rebuild}); the slug registry and
     * the drafts do not come from topics and are kept.
     */
    @Bean
    static ReadModel articlesReadModel(ArticleEventsBinding binding) {
        return ReadModel.of("articles", TOPICS, List.of("articles", "revisions"),
                message -> binding.handle(message).tag());
    }

    /**
     * @throws InvalidEventException when the record is invalid or unsafe; nothing was written
     */
    Outcome handle(Message<byte[]> message) {
        Outcome outcome;
        String articleId;
        long revision;
        String topic = (String) message.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC);
        if (Topics.ARTICLE_PUBLISHED.equals(topic)) {
            ArticleRules.Accepted accepted = rules.check(incoming.read(message, ArticlePublished.class));
            articleId = accepted.event().articleId();
            revision = accepted.event().revision();
            outcome = projection.apply(accepted);
        } else if (Topics.ARTICLE_UNPUBLISHED.equals(topic)) {
            ArticleUnpublished event = incoming.read(message, ArticleUnpublished.class);
            articleId = event.articleId();
            revision = event.revision();
            outcome = projection.apply(event);
        } else {
            throw new IllegalArgumentException("not an article topic: " + topic);
        }
        metrics.count(outcome, eventTime(message));
        log.info("article {} revision {}: {}", articleId, revision, outcome.tag());
        return outcome;
    }

    private static Instant eventTime(Message<byte[]> message) {
        try {
            return CloudEventHeaders.read(message.getHeaders(), CloudEventHeaders.TIME).map(Instant::parse)
                    .orElseGet(() -> message.getHeaders().get(KafkaHeaders.RECEIVED_TIMESTAMP) instanceof Long timestamp
                            && timestamp > 0 ? Instant.ofEpochMilli(timestamp) : null);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
