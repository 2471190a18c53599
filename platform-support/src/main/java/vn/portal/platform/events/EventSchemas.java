package vn.portal.platform.events;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import vn.portal.contracts.EventType;

/** The contracts' JSON Schemas, loaded once: what producers check before sending and consumers on receipt. */
public final class EventSchemas {

    private final Map<EventType, Schema> schemas = new EnumMap<>(EventType.class);

    public EventSchemas() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        for (EventType type : EventType.values()) {
            try (InputStream in = EventType.class.getResourceAsStream(type.schemaResource())) {
                schemas.put(type, registry.getSchema(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** @throws InvalidEventException naming the first few violations */
    public void check(EventType type, JsonNode event) {
        List<Error> errors = schemas.get(type).validate(event);
        if (!errors.isEmpty()) {
            throw new InvalidEventException("fails schema " + type.ceType() + ": "
                    + errors.stream().limit(5).map(Error::toString).collect(Collectors.joining("; ")));
        }
    }
}
