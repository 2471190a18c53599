package vn.portal.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import vn.portal.contracts.ArticleUnpublished;
import vn.portal.contracts.EventType;

class IncomingEventsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final IncomingEvents incoming = new IncomingEvents(JSON, new EventSchemas());
    private final ArticleUnpublished event = new ArticleUnpublished("a-1", 2, Instant.now(), "Gỡ bài");

    @Test
    void readsAnEventWithItsCloudEventsHeaders() {
        assertThat(incoming.read(record(null), ArticleUnpublished.class)).isEqualTo(event);
    }

    @Test
    void refusesAValidBodyWithoutAnyCloudEventsHeader() {
        ConsumerRecord<String, byte[]> bare = new ConsumerRecord<>(EventType.ARTICLE_UNPUBLISHED.topic(), 0, 0, "a-1",
                JSON.writeValueAsBytes(event));

        assertThatThrownBy(() -> incoming.read(bare, ArticleUnpublished.class))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("not a CloudEvent");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ce_specversion", "ce_id", "ce_source", "ce_type"})
    void refusesARecordThatLacksARequiredAttribute(String missing) {
        assertThatThrownBy(() -> incoming.read(record(missing), ArticleUnpublished.class))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("no " + missing + " header");
    }

    private ConsumerRecord<String, byte[]> record(String without) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(EventType.ARTICLE_UNPUBLISHED.topic(), 0, 0, "a-1",
                JSON.writeValueAsBytes(event));
        CloudEventHeaders.write(record.headers(), EventType.ARTICLE_UNPUBLISHED, UUID.randomUUID().toString(),
                "/vn-portal/test", "a-1", Instant.now());
        if (without != null) {
            record.headers().remove(without);
        }
        return record;
    }
}
