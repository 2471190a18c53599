package vn.portal.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The published AsyncAPI document ({@code docs/asyncapi.yaml}) says what the code does: every event
 * type has its channel at its topic, its dead letter channel, its CloudEvents type, its key, and
 * its payload is the contract's own JSON Schema file (referenced, so it cannot drift); no channel
 * names a topic the contracts do not have. The document's validity is checked by the AsyncAPI CLI in
 * {@code .ci/run} ({@code e2e/check-asyncapi.mjs}).
 */
class AsyncApiDocumentTest {

    private static final Path DOCUMENT = Path.of("..", "docs", "asyncapi.yaml");
    private static final JsonNode ASYNCAPI = read();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void describesEveryEventTypeAsTheCodeProducesIt(EventType type) {
        String name = type.recordType().getSimpleName();
        JsonNode channel = ASYNCAPI.path("channels").path(name);
        JsonNode message = ASYNCAPI.path("components").path("messages").path(name);

        assertThat(name).isEqualTo(type.topic());
        assertThat(channel.path("address").asString()).isEqualTo(type.topic());
        assertThat(channel.path("messages").path(name).path("$ref").asString()).isEqualTo("#/components/messages/" + name);
        assertThat(ASYNCAPI.path("channels").path(name + "DeadLetters").path("address").asString())
                .isEqualTo(type.topic() + Topics.DEAD_LETTER_SUFFIX);
        assertThat(message.path("headers").path("allOf").get(0).path("$ref").asString())
                .isEqualTo("#/components/schemas/CloudEventHeaders");
        assertThat(message.path("headers").path("allOf").get(1).path("properties").path("ce_type").path("const").asString())
                .isEqualTo(type.ceType());
        assertThat(message.path("bindings").path("kafka").path("key").path("type").asString()).isEqualTo("string");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void payloadIsTheContractsOwnSchemaFileInTheFormatItDeclares(EventType type) throws IOException {
        JsonNode payload = ASYNCAPI.path("components").path("messages").path(type.topic()).path("payload");
        String ref = payload.path("schema").path("$ref").asString();
        JsonNode contract = classpathSchema(type);

        assertThat(ref).isEqualTo("../contracts/src/main/resources" + type.schemaResource());
        // the file the reference resolves to is the one the contracts' code validates with
        assertThat(JSON.readTree(Files.readString(DOCUMENT.getParent().resolve(ref)))).isEqualTo(contract);
        assertThat(payload.path("schemaFormat").asString()).isEqualTo("application/schema+json;version="
                + contract.path("$schema").asString().replaceAll(".*/draft/([^/]+)/schema$", "$1"));
    }

    @Test
    void everyTopicOfTheContractsIsAChannelAndEveryChannelATopicOfTheContracts() throws IllegalAccessException {
        Set<String> topics = new HashSet<>();
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && !field.getName().equals("DEAD_LETTER_SUFFIX")) {
                String topic = (String) field.get(null);
                topics.add(topic);
                topics.add(topic + Topics.DEAD_LETTER_SUFFIX);
            }
        }
        Set<String> ofEventTypes = Arrays.stream(EventType.values())
                .flatMap(type -> Stream.of(type.topic(), type.topic() + Topics.DEAD_LETTER_SUFFIX))
                .collect(Collectors.toSet());
        Set<String> addresses = ASYNCAPI.path("channels").valueStream()
                .map(channel -> channel.path("address").asString()).collect(Collectors.toSet());

        assertThat(ofEventTypes).as("every topic constant has its event type").isEqualTo(topics);
        assertThat(addresses).isEqualTo(topics);
    }

    @Test
    void everyOperationSendsOrReceivesAMessageOfItsOwnChannel() {
        assertThat(ASYNCAPI.path("operations").propertyNames()).isNotEmpty();
        ASYNCAPI.path("operations").forEachEntry((name, operation) -> {
            String channel = operation.path("channel").path("$ref").asString();
            assertThat(channel).as(name).startsWith("#/channels/");
            String channelName = channel.substring("#/channels/".length());
            assertThat(ASYNCAPI.path("channels").has(channelName)).as("%s: channel %s", name, channelName).isTrue();
            assertThat(operation.path("messages").isEmpty()).as(name).isFalse();
            operation.path("messages").forEach(message -> {
                String ref = message.path("$ref").asString();
                assertThat(ref).as(name).startsWith(channel + "/messages/");
                assertThat(ASYNCAPI.path("channels").path(channelName).path("messages")
                        .has(ref.substring((channel + "/messages/").length()))).as("%s: %s", name, ref).isTrue();
            });
        });
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventTypeHasASenderAndOnlyTheSummaryTopicIsCompacted(EventType type) {
        boolean sent = ASYNCAPI.path("operations").valueStream()
                .anyMatch(operation -> operation.path("action").asString().equals("send")
                        && operation.path("channel").path("$ref").asString().equals("#/channels/" + type.topic()));
        JsonNode policy = ASYNCAPI.path("channels").path(type.topic()).path("bindings").path("kafka")
                .path("topicConfiguration").path("cleanup.policy");

        assertThat(sent).as("%s has a send operation", type).isTrue();
        assertThat(policy.get(0).asString()).isEqualTo(type == EventType.ARTICLE_RATING_SUMMARY ? "compact" : "delete");
    }

    @Test
    void pointsAnalyticsConsumersAtTheirGuide() {
        assertThat(ASYNCAPI.path("info").path("description").asString()).contains("docs/analytics/README.md");
        assertThat(DOCUMENT.getParent().resolve("analytics").resolve("README.md")).exists();
    }

    private static JsonNode classpathSchema(EventType type) throws IOException {
        try (InputStream in = AsyncApiDocumentTest.class.getResourceAsStream(type.schemaResource())) {
            assertThat(in).as(type.schemaResource()).isNotNull();
            return JSON.readTree(in);
        }
    }

    private static JsonNode read() {
        try {
            return YAMLMapper.builder().build().readTree(Files.readString(DOCUMENT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
