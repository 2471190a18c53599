package vn.portal.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.MarkdownRender;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A published HTTP API keeps its promises within a major version: each service's current document
 * ({@code docs/openapi/<service>.json}, which the service's OpenApiDocumentTest keeps equal to what
 * it serves) is compared by openapi-diff with every released one of the same major
 * ({@code docs/openapi/released/<service>-<version>.json}). A removed path or operation, a changed
 * type, a newly required parameter, fewer responses or media types fail the build; a breaking
 * change needs a new major {@code platform.api.version} and its released copy. openapi-diff counts
 * a removed response field as compatible unless the field was required, and springdoc marks no
 * field of our response records required, so {@link #removedFields} adds that one check: every
 * property of every released component schema is still there.
 */
class ReleasedOpenApiDocumentsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path DOCUMENTS = Path.of("..", "docs", "openapi");
    private static final Path RELEASED = DOCUMENTS.resolve("released");

    @ParameterizedTest
    @ValueSource(strings = {"article-service", "rating-service", "media-service"})
    void keepsEveryPromiseOfTheReleasedDocumentsOfItsMajorVersion(String service) {
        String current = read(DOCUMENTS.resolve(service + ".json"));
        String version = JSON.readTree(current).path("info").path("version").asString();
        String major = version.split("\\.")[0];
        List<Path> released = released(service, major);

        assertThat(released)
                .as("%s %s: no released document of major %s; copy docs/openapi/%s.json to %s", service, version,
                        major, service, RELEASED.resolve(service + "-" + version + ".json"))
                .isNotEmpty();
        for (Path file : released) {
            ChangedOpenApi diff = OpenApiCompare.fromContents(read(file), current);
            assertThat(diff.isIncompatible())
                    .as("docs/openapi/%s.json (version %s) breaks %s:%n%s%nA breaking change needs a new major version",
                            service, version, file.getFileName(), markdown(diff))
                    .isFalse();
            assertThat(removedFields(JSON.readTree(read(file)), JSON.readTree(current)))
                    .as("fields of %s missing from docs/openapi/%s.json (version %s); a breaking change needs a new "
                            + "major version", file.getFileName(), service, version)
                    .isEmpty();
        }
    }

    @Test
    void refusesARemovedPath() {
        ObjectNode broken = releasedArticleService();
        ((ObjectNode) broken.get("paths")).remove("/api/articles/search");

        assertThat(compareWithReleased(broken).getMissingEndpoints()).isNotEmpty();
        assertThat(compareWithReleased(broken).isIncompatible()).isTrue();
    }

    @Test
    void refusesARemovedResponseField() {
        ObjectNode broken = releasedArticleService();
        ((ObjectNode) broken.at("/components/schemas/ArticleResponse/properties")).remove("title");

        assertThat(removedFields(releasedArticleService(), broken)).containsExactly("ArticleResponse.title");
    }

    @Test
    void refusesAChangedFieldType() {
        ObjectNode broken = releasedArticleService();
        ((ObjectNode) broken.at("/components/schemas/ArticleResponse/properties/revision")).put("type", "string");

        assertThat(compareWithReleased(broken).isIncompatible()).isTrue();
    }

    @Test
    void acceptsAnAddedOperation() {
        ObjectNode added = releasedArticleService();
        ((ObjectNode) added.get("paths")).set("/api/articles/newest", added.at("/paths/~1api~1articles"));

        assertThat(compareWithReleased(added).isIncompatible()).isFalse();
    }

    /** "Schema.property" for every property of a released component schema that the current one lacks. */
    static List<String> removedFields(JsonNode released, JsonNode current) {
        List<String> removed = new java.util.ArrayList<>();
        JsonNode currentSchemas = current.path("components").path("schemas");
        released.path("components").path("schemas").properties().forEach(schema -> {
            for (String property : schema.getValue().path("properties").propertyNames()) {
                if (!currentSchemas.path(schema.getKey()).path("properties").has(property)) {
                    removed.add(schema.getKey() + "." + property);
                }
            }
        });
        return removed;
    }

    private static ObjectNode releasedArticleService() {
        return (ObjectNode) JSON.readTree(read(RELEASED.resolve("article-service-1.0.0.json")));
    }

    private static ChangedOpenApi compareWithReleased(JsonNode changed) {
        return OpenApiCompare.fromContents(read(RELEASED.resolve("article-service-1.0.0.json")),
                JSON.writeValueAsString(changed));
    }

    private static List<Path> released(String service, String major) {
        try (Stream<Path> files = Files.list(RELEASED)) {
            return files.filter(file -> file.getFileName().toString().startsWith(service + "-" + major + "."))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String markdown(ChangedOpenApi diff) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            new MarkdownRender().render(diff, writer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
