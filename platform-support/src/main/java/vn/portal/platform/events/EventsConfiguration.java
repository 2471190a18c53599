package vn.portal.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.cloud.function.core.FunctionInvocationHelper;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.cloud.stream.function.StreamBridge;
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
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.SimpleKafkaHeaderMapper;
import org.springframework.messaging.Message;
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
    EventPublisher eventPublisher(StreamBridge bridge, JsonMapper json, EventSchemas schemas, Clock clock,
                                  @Value("${spring.application.name}") String application) {
        return new EventPublisher(bridge, json, schemas, "/vn-portal/" + application, clock);
    }

    /**
     * The Kafka binder's header mapper (found by this bean name). Out: every header the publisher
     * set, as a plain UTF-8 string, and nothing else (no {@code id}, {@code timestamp},
     * {@code contentType}, {@code spring_json_header_types}). In: the CloudEvents headers as
     * strings, not the JSON-typed or byte[] values of the binder's default mapper.
     */
    @Bean
    SimpleKafkaHeaderMapper kafkaBinderHeaderMapper() {
        SimpleKafkaHeaderMapper mapper = new SimpleKafkaHeaderMapper("!id", "!timestamp", "!contentType", "*");
        mapper.setMapAllStringsOut(true);
        CloudEventHeaders.ALL.forEach(name -> mapper.addRawMappedHeader(name, true));
        return mapper;
    }

    /**
     * Spring Cloud Function's default helper renames {@code ce_*} headers to {@code ce-*} and
     * rewrites the content type, in and out; the platform writes and reads its CloudEvents headers
     * itself ({@link CloudEventHeaders}), so messages pass through unchanged.
     */
    @Bean
    FunctionInvocationHelper<Message<?>> passThroughInvocationHelper() {
        return new FunctionInvocationHelper<>() {
        };
    }

    /**
     * Gives every consumer binding the platform's error handler ({@link #kafkaErrorHandler}) instead
     * of the binder's retry and dead-letter queue, which would dead-letter an outage after
     * {@code max-attempts} and add no reason. The binder hands a container to this customizer only
     * for bindings whose {@code max-attempts} is above 1 (platform-defaults.yml sets 2 for all);
     * the number itself is not used.
     */
    @Bean
    ListenerContainerWithDlqAndRetryCustomizer platformErrorHandling(CommonErrorHandler kafkaErrorHandler) {
        return new ListenerContainerWithDlqAndRetryCustomizer() {
            @Override
            public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName,
                                  String group, BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqResolver,
                                  BackOff backOff) {
                container.setCommonErrorHandler(kafkaErrorHandler);
            }

            @Override
            public boolean retryAndDlqInBinding(String destinationName, String group) {
                return false;
            }
        };
    }

    @Bean
    IncomingEvents incomingEvents(JsonMapper json, EventSchemas schemas) {
        return new IncomingEvents(json, schemas);
    }

    /**
     * The error handler of every consumer (binder bindings through {@link #platformErrorHandling}).
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
