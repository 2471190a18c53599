package vn.portal.platform.events;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.support.KafkaNull;
import org.springframework.messaging.Message;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.portal.contracts.EventType;

/**
 * Reads a platform event from a consumed message (or a Kafka record): checks that the CloudEvents
 * attributes a binary-mode record must carry are there ({@link CloudEventHeaders#REQUIRED}) and the
 * {@code ce_type} header
 * against the expected type, parses the JSON, validates it against the type's JSON Schema, maps it
 * to the record and checks that none of its times is in the future ({@link EventBounds}). Anything wrong is an {@link InvalidEventException}, which the error
 * handler dead-letters with the original bytes.
 */
public class IncomingEvents {

    private final JsonMapper json;
    private final EventSchemas schemas;
    private final Clock clock;

    public IncomingEvents(JsonMapper json, EventSchemas schemas) {
        this(json, schemas, Clock.systemUTC());
    }

    public IncomingEvents(JsonMapper json, EventSchemas schemas, Clock clock) {
        this.json = json;
        this.schemas = schemas;
        this.clock = clock;
    }

    /** What every binding function calls first: nothing of the domain runs on an invalid event. */
    public <T extends Record> T read(Message<?> message, Class<T> recordType) {
        Object payload = message.getPayload();
        if (payload instanceof KafkaNull) {
            payload = null; // a tombstone: no event
        }
        if (payload != null && !(payload instanceof byte[])) {
            throw new IllegalArgumentException("a binding of platform events takes byte[], not "
                    + payload.getClass().getName());
        }
        return read(name -> CloudEventHeaders.read(message.getHeaders(), name), (byte[]) payload, recordType);
    }

    public <T extends Record> T read(ConsumerRecord<String, byte[]> record, Class<T> recordType) {
        return read(name -> CloudEventHeaders.read(record.headers(), name), record.value(), recordType);
    }

    private <T extends Record> T read(Function<String, Optional<String>> header, byte[] value, Class<T> recordType) {
        EventType type = EventType.of(recordType);
        // binary-mode CloudEvents: what has no id, source, type and spec version is no event of ours
        for (String attribute : CloudEventHeaders.REQUIRED) {
            if (header.apply(attribute).filter(v -> !v.isBlank()).isEmpty()) {
                throw new InvalidEventException("not a CloudEvent: no " + attribute + " header");
            }
        }
        header.apply(CloudEventHeaders.TYPE)
                .filter(ceType -> !ceType.equals(type.ceType()))
                .ifPresent(ceType -> {
                    throw new InvalidEventException("ce_type " + ceType + " is not " + type.ceType());
                });
        if (value == null || value.length == 0) {
            throw new InvalidEventException("empty record value");
        }
        JsonNode tree;
        try {
            tree = json.readTree(value);
        } catch (JacksonException e) {
            throw new InvalidEventException("not JSON: " + e.getOriginalMessage(), e);
        }
        schemas.check(type, tree);
        T event;
        try {
            event = json.treeToValue(tree, recordType);
        } catch (JacksonException e) {
            throw new InvalidEventException("does not map to " + recordType.getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
        EventBounds.notInTheFuture(event, clock); // a time in the year 9999 would win "newer wins" for good
        return event;
    }
}
