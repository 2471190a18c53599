package vn.portal.devstack;

import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.json.JsonMapper;
import vn.portal.contracts.EventType;
import vn.portal.platform.events.CloudEventHeaders;

/**
 * Kafka records exactly as an outside producer (an editorial system) writes them: JSON value,
 * CloudEvents binary-mode headers. Raw bytes too, for records that must fail.
 */
public final class EventRecords {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EventRecords() {
    }

    public static ProducerRecord<String, byte[]> of(Record event, String key) {
        return raw(EventType.of(event.getClass()), key, JSON.writeValueAsBytes(event));
    }

    public static ProducerRecord<String, byte[]> raw(EventType type, String key, byte[] value) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(type.topic(), key, value);
        CloudEventHeaders.write(record.headers(), type, UUID.randomUUID().toString(), "/vn-portal/editorial",
                key, Instant.now());
        return record;
    }
}
