package vn.portal.platform.events;

import java.time.Clock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.portal.contracts.EventType;

/**
 * Reads a platform event from a Kafka record: checks that the CloudEvents attributes a binary-mode
 * record must carry are there ({@link CloudEventHeaders#REQUIRED}) and the {@code ce_type} header
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

    public <T extends Record> T read(ConsumerRecord<String, byte[]> record, Class<T> recordType) {
        EventType type = EventType.of(recordType);
        // binary-mode CloudEvents: what has no id, source, type and spec version is no event of ours
        for (String attribute : CloudEventHeaders.REQUIRED) {
            if (CloudEventHeaders.read(record.headers(), attribute).filter(v -> !v.isBlank()).isEmpty()) {
                throw new InvalidEventException("not a CloudEvent: no " + attribute + " header");
            }
        }
        CloudEventHeaders.read(record.headers(), CloudEventHeaders.TYPE)
                .filter(ceType -> !ceType.equals(type.ceType()))
                .ifPresent(ceType -> {
                    throw new InvalidEventException("ce_type " + ceType + " is not " + type.ceType());
                });
        if (record.value() == null || record.value().length == 0) {
            throw new InvalidEventException("empty record value");
        }
        JsonNode tree;
        try {
            tree = json.readTree(record.value());
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
