package vn.portal.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    /** The W3C trace context, when a trace is on. */
    public static final String TRACE_PARENT = "traceparent";

    /** Every header a platform event may carry, each a UTF-8 string on the wire. */
    public static final List<String> ALL = List.of(SPEC_VERSION, ID, SOURCE, TYPE, TIME, SUBJECT, CONTENT_TYPE,
            REQUEST_ID, TRACE_PARENT);

    private CloudEventHeaders() {
    }

    /** The attributes of one event, in the order they travel. */
    public static Map<String, String> of(EventType type, String id, String source, String subject, Instant time) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(SPEC_VERSION, "1.0");
        attributes.put(ID, id);
        attributes.put(SOURCE, source);
        attributes.put(TYPE, type.ceType());
        attributes.put(TIME, time.toString());
        if (subject != null) {
            attributes.put(SUBJECT, subject);
        }
        attributes.put(CONTENT_TYPE, "application/json");
        return attributes;
    }

    /** Writes the attributes of one event into the record's headers. */
    public static void write(Headers headers, EventType type, String id, String source, String subject,
                             Instant time) {
        of(type, id, source, subject, time).forEach((name, value) -> put(headers, name, value));
    }

    /**
     * A header of a consumed message as text, if present: the binder's header mapper hands the
     * CloudEvents headers over as strings, any other header as bytes.
     */
    public static Optional<String> read(Map<String, Object> headers, String name) {
        Object value = headers.get(name);
        if (value instanceof byte[] bytes) {
            return Optional.of(new String(bytes, StandardCharsets.UTF_8));
        }
        return Optional.ofNullable(value).map(Object::toString);
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
