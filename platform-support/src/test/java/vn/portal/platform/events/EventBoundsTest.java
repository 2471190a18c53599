package vn.portal.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import vn.portal.contracts.ArticleRated;
import vn.portal.contracts.ArticleRatingSummary;
import vn.portal.contracts.Topics;

class EventBoundsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final IncomingEvents incoming = new IncomingEvents(JSON, new EventSchemas());

    @Test
    void refusesAVoteOrASummaryDatedInTheYear9999() {
        Instant farAway = Instant.parse("9999-12-31T23:59:59Z");
        ArticleRated vote = new ArticleRated(UUID.randomUUID(), "a-1", "v-1", 5, null, farAway);
        ArticleRatingSummary summary = new ArticleRatingSummary("a-1", 5, 1, 5.0, java.util.List.of(0L, 0L, 0L, 0L, 1L),
                1.0, farAway);

        assertThatThrownBy(() -> incoming.read(record(Topics.ARTICLE_RATED, vote), ArticleRated.class))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("ratedAt").hasMessageContaining("in the future");
        assertThatThrownBy(() -> incoming.read(record(Topics.ARTICLE_RATING_SUMMARY, summary), ArticleRatingSummary.class))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("updatedAt").hasMessageContaining("in the future");
    }

    @Test
    void acceptsATimeWithinTheClockSkew() {
        ArticleRated vote = new ArticleRated(UUID.randomUUID(), "a-1", "v-1", 5, null,
                Instant.now().plusSeconds(60));

        assertThat(incoming.read(record(Topics.ARTICLE_RATED, vote), ArticleRated.class).stars()).isEqualTo(5);
    }

    @Test
    void refusesARevisionFarAboveTheStoredOne() {
        assertThatThrownBy(() -> EventBounds.revisionStep("a-1", Long.MAX_VALUE, 3))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("more than 1000 above the stored revision 3");
        assertThatThrownBy(() -> EventBounds.revisionStep("a-1", 1_001, 0)).isInstanceOf(InvalidEventException.class);
        assertThatCode(() -> EventBounds.revisionStep("a-1", 1_003, 3)).doesNotThrowAnyException();
        assertThatCode(() -> EventBounds.revisionStep("a-1", 2, Long.MAX_VALUE)).doesNotThrowAnyException(); // late: not this check's business
    }

    private static ConsumerRecord<String, byte[]> record(String topic, Record event) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(topic, 0, 0, "a-1", JSON.writeValueAsBytes(event));
        CloudEventHeaders.write(record.headers(), vn.portal.contracts.EventType.of(event.getClass()),
                UUID.randomUUID().toString(), "/vn-portal/test", "a-1", Instant.now());
        return record;
    }
}
