package vn.portal.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import tools.jackson.databind.json.JsonMapper;
import vn.portal.contracts.Topics;

/**
 * Producing, consuming and dead-lettering platform events, the same in every service.
 */
@Configuration(proxyBeanMethods = false)
public class EventsConfiguration {

    /** Header of a dead-lettered record that says, in words, why it was refused. */
    public static final String DEAD_LETTER_REASON = "dlt-reason";

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    EventSchemas eventSchemas() {
        return new EventSchemas();
    }

    @Bean
    EventPublisher eventPublisher(KafkaTemplate<String, byte[]> kafka, JsonMapper json, EventSchemas schemas,
                                  Clock clock, @Value("${spring.application.name}") String application,
                                  @Value("${platform.events.publish-timeout:10s}") Duration timeout) {
        return new EventPublisher(kafka, json, schemas, "/vn-portal/" + application, clock, timeout.toMillis());
    }

    @Bean
    IncomingEvents incomingEvents(JsonMapper json, EventSchemas schemas) {
        return new IncomingEvents(json, schemas);
    }

    /**
     * Invalid records go to {@code <topic>.DLT} at once, with the original bytes and the reason in
     * a header ({@value #DEAD_LETTER_REASON}; no stack trace), and the partition moves on. When the infrastructure fails (MongoDB or Kafka
     * unreachable) the record is retried with back-off until it succeeds: the partition waits,
     * nothing valid is dead-lettered because of an outage. Any other failure (a bug) is retried for
     * {@code platform.events.retry-for}, then dead-lettered with its reason.
     */
    @Bean
    CommonErrorHandler kafkaErrorHandler(KafkaTemplate<String, byte[]> kafka, MeterRegistry meters,
                                         @Value("${platform.events.retry-for:2m}") Duration retryFor) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafka,
                (record, failure) -> new TopicPartition(record.topic() + Topics.DEAD_LETTER_SUFFIX, -1));
        recoverer.setHeadersFunction((record, failure) -> new RecordHeaders(new RecordHeader[] {
                new RecordHeader(DEAD_LETTER_REASON, reason(failure).getBytes(StandardCharsets.UTF_8))}));
        // the reason says what is wrong; stack traces and wrapped messages only tell how the code is built
        recoverer.excludeHeader(DeadLetterPublishingRecoverer.HeaderNames.HeadersToAdd.EX_STACKTRACE,
                DeadLetterPublishingRecoverer.HeaderNames.HeadersToAdd.EX_MSG,
                DeadLetterPublishingRecoverer.HeaderNames.HeadersToAdd.EX_CAUSE);
        ConsumerRecordRecoverer counted = (record, failure) -> {
            recoverer.accept(record, failure);
            meters.counter("events.dead-lettered", "topic", record.topic(),
                    "reason", causedBy(failure, InvalidEventException.class) ? "invalid" : "failed-after-retries")
                    .increment();
        };
        DefaultErrorHandler handler = new DefaultErrorHandler(counted, backOff(retryFor));
        handler.addNotRetryableExceptions(InvalidEventException.class);
        BackOff untilItWorks = backOff(null);
        handler.setBackOffFunction((record, failure) -> isOutage(failure) ? untilItWorks : null);
        return handler;
    }

    /** Back-off from 200 ms doubling to 10 s, for {@code retryFor} or, when null, without end. */
    private static ExponentialBackOff backOff(Duration retryFor) {
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(10_000);
        if (retryFor != null) {
            backOff.setMaxElapsedTime(retryFor.toMillis());
        }
        return backOff;
    }

    /** MongoDB or Kafka could not be reached or did not answer in time. */
    static boolean isOutage(Throwable failure) {
        return causedBy(failure, DataAccessResourceFailureException.class)
                || causedBy(failure, TransientDataAccessException.class)
                || causedBy(failure, com.mongodb.MongoSocketException.class)
                || causedBy(failure, com.mongodb.MongoTimeoutException.class)
                || causedBy(failure, EventPublishException.class);
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    /** Every contract topic and its dead letter topic, created when missing. */
    @Bean
    KafkaAdmin.NewTopics platformTopics(@Value("${platform.kafka.partitions:3}") int partitions,
                                        @Value("${platform.kafka.replicas:1}") short replicas) {
        return new KafkaAdmin.NewTopics(PlatformTopics.all(partitions, replicas).toArray(NewTopic[]::new));
    }

    private static String reason(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && !(cause instanceof InvalidEventException)) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
