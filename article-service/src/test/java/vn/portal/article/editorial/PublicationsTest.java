package vn.portal.article.editorial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.mongodb.client.result.UpdateResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.UpdateDefinition;
import org.springframework.web.ErrorResponseException;
import tools.jackson.databind.json.JsonMapper;
import vn.portal.article.config.ArticleProperties;
import vn.portal.article.rules.ArticleRules;
import vn.portal.article.rules.BodySanitizer;
import vn.portal.article.slug.SlugRegistry;
import vn.portal.contracts.ArticlePublished;
import vn.portal.platform.events.EventPublishException;
import vn.portal.platform.events.EventPublisher;
import vn.portal.platform.events.EventSchemas;
import vn.portal.platform.events.InvalidEventException;

/**
 * What happens between reserving a revision and Kafka's acknowledgement, which the flow tests
 * cannot arrange: Kafka not acknowledging, and the event being refused only after the reservation.
 */
class PublicationsTest {

    private static final Instant NOW = Instant.parse("2025-09-02T00:00:00Z");
    private static final String BODY = "<p>Nội dung</p>";

    private final MongoTemplate mongo = mock(MongoTemplate.class);
    private final EventPublisher publisher = mock(EventPublisher.class);
    private final SlugRegistry slugs = mock(SlugRegistry.class);
    private final ArticleProperties properties =
            new ArticleProperties(List.of("portal.vn"), "", Duration.ofSeconds(60), null, null);
    private final Publications publications = new Publications(mongo, publisher,
            new PublicationCheck(new ArticleRules(new BodySanitizer(properties)), new EventSchemas(),
                    JsonMapper.builder().build()),
            slugs, Clock.fixed(NOW, ZoneOffset.UTC), properties, new SimpleMeterRegistry());

    @BeforeEach
    void drafts() {
        when(slugs.claim(anyString(), any(), anyString())).thenReturn("tin-moi");
        when(mongo.updateFirst(any(Query.class), any(UpdateDefinition.class), eq(Draft.class)))
                .thenReturn(UpdateResult.acknowledged(1, 1L, null));
    }

    @Test
    void passesTheEventLogUnavailableProblemOnAsItIsWhenKafkaDoesNotAcknowledge() {
        stored(draft(0, BODY, NOW.minusSeconds(60)), draft(1, BODY, NOW.minusSeconds(60)));
        EventPublishException unavailable = new EventPublishException("ArticlePublished", new RuntimeException("timeout"));
        when(publisher.publish(any(), eq("d1"))).thenThrow(unavailable);

        assertThatThrownBy(() -> publications.publishNow("d1")).isSameAs(unavailable);
        assertThat(unavailable.getBody().getType().toString()).isEqualTo("https://portal.vn/problems/event-log-unavailable");
        assertThat(unavailable.getStatusCode().value()).isEqualTo(503);
    }

    @Test
    void givesTheRevisionBackWhenTheDraftWasEditedIntoSomethingUnpublishableAsItWasReserved() {
        stored(draft(0, BODY, NOW.minusSeconds(60)), draft(1, "<iframe></iframe>", NOW.minusSeconds(1)));

        assertThatThrownBy(() -> publications.publishNow("d1"))
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> {
                    assertThat(e.getBody().getType().toString()).endsWith("/article-rejected");
                    assertThat(e.getBody().getProperties()).containsEntry("reasons",
                            List.of("body is empty after sanitizing"));
                });
        verify(publisher, never()).publish(any(), anyString());
        assertReleased();
    }

    @Test
    void givesTheRevisionBackWhenThePublisherRefusesTheEvent() {
        stored(draft(0, BODY, NOW.minusSeconds(60)), draft(1, BODY, NOW.minusSeconds(60)));
        when(publisher.publish(any(), eq("d1"))).thenThrow(new InvalidEventException("fails schema: /x"));

        assertThatThrownBy(() -> publications.publishNow("d1"))
                .isInstanceOfSatisfying(ErrorResponseException.class,
                        e -> assertThat(e.getBody().getType().toString()).endsWith("/article-rejected"));
        assertReleased();
    }

    private void stored(Draft draft, Draft reserved) {
        when(mongo.findById("d1", Draft.class)).thenReturn(draft);
        when(mongo.findAndModify(any(Query.class), any(UpdateDefinition.class), any(FindAndModifyOptions.class),
                eq(Draft.class))).thenReturn(reserved);
    }

    /** lastRevision back from 1 to 0, only while it is still the reserved 1, and no slug left behind. */
    private void assertReleased() {
        ArgumentCaptor<Query> query = ArgumentCaptor.forClass(Query.class);
        ArgumentCaptor<UpdateDefinition> update = ArgumentCaptor.forClass(UpdateDefinition.class);
        verify(mongo).updateFirst(query.capture(), update.capture(), eq(Draft.class));
        assertThat(query.getValue().getQueryObject()).containsEntry("_id", "d1").containsEntry("lastRevision", 1L);
        Document undo = update.getValue().getUpdateObject();
        assertThat(undo.get("$set", Document.class)).containsEntry("lastRevision", 0L);
        assertThat(undo.get("$unset", Document.class)).containsKey("slug");
    }

    private static Draft draft(long lastRevision, String body, Instant updatedAt) {
        return new Draft("d1", "Tin mới", null, body, List.of(), "Thái Hoàn", "Tin tức", List.of("thi đua"),
                lastRevision, 0, lastRevision == 0 ? null : "tin-moi", null, false, null, null, null,
                NOW.minusSeconds(3600), updatedAt, "bien-tap-vien", "bien-tap-vien");
    }
}
