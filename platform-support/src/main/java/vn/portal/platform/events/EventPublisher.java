package vn.portal.platform.events;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.slf4j.MDC;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;
import vn.portal.contracts.EventType;

/**
 * Produces platform events: JSON value, CloudEvents headers, the given key. {@link #publish}
 * returns only after the broker acknowledged the record (acks=all, idempotent producer), so a
 * caller answers its client only for writes that are in the log.
 */
public class EventPublisher {

    private final KafkaTemplate<String, byte[]> kafka;
    private final JsonMapper json;
    private final EventSchemas schemas;
    private final String source;
    private final Clock clock;
    private final long timeoutMillis;

    public EventPublisher(KafkaTemplate<String, byte[]> kafka, JsonMapper json, EventSchemas schemas, String source,
                          Clock clock, long timeoutMillis) {
        this.kafka = kafka;
        this.json = json;
        this.schemas = schemas;
        this.source = source;
        this.clock = clock;
        this.timeoutMillis = timeoutMillis;
    }

    /** Publishes with a fresh event id. */
    public RecordMetadata publish(Record event, String key) {
        return publish(event, key, UUID.randomUUID().toString());
    }

    /**
     * Publishes and waits for the acknowledgement.
     *
     * @param id the CloudEvents id; reuse the domain id (e.g. a ratingId) so consumers can
     *           deduplicate by it
     * @throws InvalidEventException when the event does not meet its schema: nothing is sent, so
     *                               the log holds only events every consumer can read
     * @throws EventPublishException when the broker did not acknowledge in time
     */
    public RecordMetadata publish(Record event, String key, String id) {
        EventType type = EventType.of(event.getClass());
        byte[] value = json.writeValueAsBytes(event);
        schemas.check(type, json.readTree(value));
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(type.topic(), key, value);
        CloudEventHeaders.write(record.headers(), type, id, source, key, clock.instant());
        String requestId = MDC.get("requestId");
        if (requestId != null) {
            CloudEventHeaders.put(record.headers(), CloudEventHeaders.REQUEST_ID, requestId);
        }
        try {
            return kafka.send(record).get(timeoutMillis, TimeUnit.MILLISECONDS).getRecordMetadata();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventPublishException(type.topic(), e);
        } catch (ExecutionException | TimeoutException | KafkaException
                 | org.springframework.kafka.KafkaException e) {
            // KafkaException: the client gave up before sending (no metadata within max.block.ms)
            throw new EventPublishException(type.topic(), e);
        }
    }
}
