package vn.portal.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An event type version is a promise: its schema as released ({@code contracts/released/<ce_type>.schema.json})
 * and the current one ({@code contracts/src/main/resources/contracts/schemas/}) differ in nothing
 * that breaks a reader or a producer ({@link SchemaCompatibility}). A breaking change is a new
 * type version ({@code ...v2}) with its own schema and released copy.
 */
class ReleasedEventSchemasTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path RELEASED = Path.of("released");
    private static final Path CURRENT = Path.of("src/main/resources/contracts/schemas");

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventTypeVersionKeepsItsReleasedSchema(EventType type) {
        String file = type.ceType() + ".schema.json";
        assertThat(RELEASED.resolve(file))
                .as("type version %s has no released schema: copy %s to %s when it is released", type.ceType(),
                        CURRENT.resolve(file), RELEASED.resolve(file))
                .exists();

        assertThat(SchemaCompatibility.breakingChanges(read(RELEASED.resolve(file)), read(CURRENT.resolve(file))))
                .as("%s breaks its released schema; a breaking change needs a new type version", file)
                .isEmpty();
    }

    @Test
    void refusesABrokenCopyOfAReleasedSchema() {
        ObjectNode broken = (ObjectNode) read(RELEASED.resolve("vn.portal.article.rated.v1.schema.json"));
        ObjectNode properties = (ObjectNode) broken.get("properties");
        properties.remove("voterId");
        ArrayNode required = broken.putArray("required");
        for (String name : new String[] {"ratingId", "articleId", "stars", "previousStars", "ratedAt"}) {
            required.add(name);
        }
        ((ObjectNode) properties.get("previousStars")).put("type", "integer");
        ((ObjectNode) properties.get("stars")).put("maximum", 4);

        assertThat(SchemaCompatibility.breakingChanges(read(RELEASED.resolve("vn.portal.article.rated.v1.schema.json")), broken))
                .containsExactlyInAnyOrder(
                        "/voterId: no longer required",
                        "/voterId: removed",
                        "/stars: maximum narrowed from 5 to 4",
                        "/previousStars: type changed from [\"integer\",\"null\"] to \"integer\"");
    }

    @Test
    void acceptsAnAddedOptionalField() {
        JsonNode released = read(RELEASED.resolve("vn.portal.article.rated.v1.schema.json"));
        ObjectNode added = (ObjectNode) released.deepCopy();
        ((ObjectNode) added.get("properties")).putObject("channel").put("type", "string");

        assertThat(SchemaCompatibility.breakingChanges(released, added)).isEmpty();
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
