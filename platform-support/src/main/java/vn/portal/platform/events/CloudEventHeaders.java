package vn.portal.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import vn.portal.contracts.EventType;

/**
 * The CloudEvents 1.0 Kafka binary-mode mapping, written once: the attributes travel as
 * {@code ce_*} headers, the record value is the JSON data. Every producer and consumer of the
 * platform goes through here.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String CONTENT_TYPE = "content-type";
    /** The attributes CloudEvents 1.0 requires of every event: a record without one is refused. */
    public static final java.util.List<String> REQUIRED = java.util.List.of(SPEC_VERSION, ID, SOURCE, TYPE);
    /** Not a CloudEvents attribute: the request that caused the event, for tracing. */
    public static final String REQUEST_ID = "x-request-id";

    private CloudEventHeaders() {
    }

    /** Writes the attributes of one event into the record's headers. */
    public static void write(Headers headers, EventType type, String id, String source, String subject,
                             Instant time) {
        put(headers, SPEC_VERSION, "1.0");
        put(headers, ID, id);
        put(headers, SOURCE, source);
        put(headers, TYPE, type.ceType());
        put(headers, TIME, time.toString());
        if (subject != null) {
            put(headers, SUBJECT, subject);
        }
        put(headers, CONTENT_TYPE, "application/json");
    }

    /** The last value of a header as UTF-8 text, if present. */
    public static Optional<String> read(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null
                ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
