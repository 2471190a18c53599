package vn.portal.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The published AsyncAPI document ({@code docs/asyncapi.yaml}) says what the code does: every event
 * type has its channel at its topic, its dead letter channel, its CloudEvents type, its key, and
 * its payload is the contract's own JSON Schema file (referenced, so it cannot drift). The
 * document's validity is checked by the AsyncAPI parser in {@code .ci/run}.
 */
class AsyncApiDocumentTest {

    private static final Path DOCUMENT = Path.of("..", "docs", "asyncapi.yaml");
    private static final JsonNode ASYNCAPI = read();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void describesEveryEventTypeAsTheCodeProducesIt(EventType type) {
        String name = type.recordType().getSimpleName();
        JsonNode channel = ASYNCAPI.path("channels").path(name);
        JsonNode message = ASYNCAPI.path("components").path("messages").path(name);

        assertThat(name).isEqualTo(type.topic());
        assertThat(channel.path("address").asString()).isEqualTo(type.topic());
        assertThat(ASYNCAPI.path("channels").path(name + "DeadLetters").path("address").asString())
                .isEqualTo(type.topic() + Topics.DEAD_LETTER_SUFFIX);
        assertThat(message.path("headers").path("allOf").get(1).path("properties").path("ce_type").path("const").asString())
                .isEqualTo(type.ceType());
        assertThat(message.path("payload").path("schema").path("$ref").asString())
                .isEqualTo("../contracts/src/main/resources" + type.schemaResource());
        assertThat(Files.exists(DOCUMENT.getParent().resolve(message.path("payload").path("schema").path("$ref").asString())))
                .isTrue();
        assertThat(message.path("bindings").path("kafka").path("key").path("type").asString()).isEqualTo("string");
    }

    private static JsonNode read() {
        try {
            return YAMLMapper.builder().build().readTree(Files.readString(DOCUMENT));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
