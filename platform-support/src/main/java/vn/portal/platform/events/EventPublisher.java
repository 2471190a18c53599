package vn.portal.platform.events;

import java.time.Clock;
import java.util.UUID;
import org.apache.kafka.common.KafkaException;
import org.slf4j.MDC;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.MessagingException;
import org.springframework.messaging.support.MessageBuilder;
import tools.jackson.databind.json.JsonMapper;
import vn.portal.contracts.EventType;

/**
 * Produces platform events: JSON value, CloudEvents headers, the given key, through Spring Cloud
 * Stream's {@link StreamBridge} to the output binding named after the event's topic. {@link #publish}
 * returns only after the broker acknowledged the record: the bindings are {@code sync} with
 * {@code acks=all} and an idempotent producer, and a broker that does not answer fails the send
 * within {@code max.block.ms} / {@code delivery.timeout.ms} (platform-defaults.yml), so a caller
 * answers its client only for writes that are in the log.
 */
public class EventPublisher {

    private final StreamBridge bridge;
    private final JsonMapper json;
    private final EventSchemas schemas;
    private final String source;
    private final Clock clock;

    public EventPublisher(StreamBridge bridge, JsonMapper json, EventSchemas schemas, String source, Clock clock) {
        this.bridge = bridge;
        this.json = json;
        this.schemas = schemas;
        this.source = source;
        this.clock = clock;
    }

    /** Publishes with a fresh event id. */
    public String publish(Record event, String key) {
        return publish(event, key, UUID.randomUUID().toString());
    }

    /**
     * Publishes and waits for the acknowledgement.
     *
     * @param id the CloudEvents id; reuse the domain id (e.g. a ratingId) so consumers can
     *           deduplicate by it
     * @return the CloudEvents id of the event in the log
     * @throws InvalidEventException when the event does not meet its schema: nothing is sent, so
     *                               the log holds only events every consumer can read
     * @throws EventPublishException when the broker did not acknowledge in time
     */
    public String publish(Record event, String key, String id) {
        EventType type = EventType.of(event.getClass());
        byte[] value = json.writeValueAsBytes(event);
        schemas.check(type, json.readTree(value));
        MessageBuilder<byte[]> message = MessageBuilder.withPayload(value).setHeader(KafkaHeaders.KEY, key);
        CloudEventHeaders.of(type, id, source, key, clock.instant()).forEach(message::setHeader);
        String requestId = MDC.get("requestId");
        if (requestId != null) {
            message.setHeader(CloudEventHeaders.REQUEST_ID, requestId);
        }
        boolean sent;
        try {
            sent = bridge.send(type.topic(), message.build());
        } catch (MessagingException | KafkaException | org.springframework.kafka.KafkaException e) {
            // a Kafka TimeoutException inside: no acknowledgement within delivery.timeout.ms, or no
            // metadata within max.block.ms
            throw new EventPublishException(type.topic(), e);
        }
        if (!sent) {
            throw new EventPublishException(type.topic(), null);
        }
        return id;
    }
}
