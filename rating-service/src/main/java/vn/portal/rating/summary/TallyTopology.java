package vn.portal.rating.summary;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.springframework.kafka.support.KafkaHeaders;
import tools.jackson.databind.json.JsonMapper;
import vn.portal.contracts.ArticleRated;
import vn.portal.contracts.ArticleRatingSummary;
import vn.portal.contracts.EventType;
import vn.portal.contracts.Topics;
import vn.portal.platform.events.CloudEventHeaders;
import vn.portal.platform.events.EventSchemas;
import vn.portal.platform.events.EventsConfiguration;
import vn.portal.platform.events.IncomingEvents;
import vn.portal.platform.events.InvalidEventException;

/**
 * The tally as a Kafka Streams topology: {@code ArticleRated} in, {@code ArticleRatingSummary} out.
 *
 * <ol>
 *   <li>each record is read as the platform reads every event ({@link IncomingEvents}: ce_type,
 *       JSON Schema, no time far in the future); what fails goes to {@code ArticleRated.DLT} with
 *       its original bytes and headers plus {@code dlt-reason}, and the stream moves on;</li>
 *   <li>re-keyed by (article, voter) and reduced to the voter's latest vote by {@code ratedAt}:
 *       a duplicate or a late redelivery of an older vote keeps the stored one;</li>
 *   <li>that table grouped by article and aggregated with an adder and a subtractor into points,
 *       count and histogram: a changed vote takes the old stars out and puts the new ones in, so
 *       each vote costs the same however many votes the article has;</li>
 *   <li>each change written as {@code ArticleRatingSummary} with exactly the platform's CloudEvents
 *       headers (plus {@code x-request-id}/{@code traceparent} of the vote that caused it).</li>
 * </ol>
 * With {@code processing.guarantee: exactly_once_v2} the stores, the output and the input offsets
 * commit in one transaction: a crash between them re-runs the uncommitted records on the state
 * as it was committed, so no vote is counted twice or lost.
 *
 * <p>Plain Kafka Streams, no Spring container: {@link TallyConfiguration} binds it; a test runs the same
 * topology in a child JVM to kill it.
 */
public final class TallyTopology implements Function<KStream<String, byte[]>, KStream<String, byte[]>> {

    /** Internal topics and stores are named after these (prefixed by the application id). */
    static final String VOTES_BY_VOTER = "tally-votes-by-voter";
    static final String LATEST_VOTES = "tally-latest-votes";
    static final String VOTES_BY_ARTICLE = "tally-votes-by-article";
    static final String TOTALS = "tally-totals";
    static final String DEAD_LETTERS = Topics.ARTICLE_RATED + Topics.DEAD_LETTER_SUFFIX;
    static final String TRACEPARENT = "traceparent";

    private final IncomingEvents incoming;
    private final EventSchemas schemas;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final Clock clock;
    private final String source;
    private final Serde<Vote> votes;
    private final Serde<Tally> tallies;

    public TallyTopology(IncomingEvents incoming, EventSchemas schemas, JsonMapper json, MeterRegistry meters,
                         Clock clock, String source) {
        this.incoming = incoming;
        this.schemas = schemas;
        this.json = json;
        this.meters = meters;
        this.clock = clock;
        this.source = source;
        this.votes = jsonSerde(json, Vote.class);
        this.tallies = jsonSerde(json, Tally.class);
    }

    @Override
    public KStream<String, byte[]> apply(KStream<String, byte[]> rated) {
        Map<String, KStream<String, Checked>> checked = rated
                .processValues(CheckVote::new, Named.as("tally-check"))
                .split(Named.as("tally-"))
                .branch((key, value) -> value.vote() != null, Branched.as("valid"))
                .defaultBranch(Branched.as("invalid"));
        checked.get("tally-invalid")
                .processValues(DeadLetter::new, Named.as("tally-dead-letter"))
                .to(DEAD_LETTERS, Produced.with(Serdes.String(), Serdes.ByteArray()).withName("tally-dead-letters"));
        return checked.get("tally-valid")
                .map((key, value) -> KeyValue.pair(value.vote().key(), value.vote()), Named.as("tally-by-voter"))
                .groupByKey(Grouped.with(VOTES_BY_VOTER, Serdes.String(), votes))
                // the newer by ratedAt wins; a duplicate or an older vote arriving late keeps the stored one
                .reduce((stored, vote) -> vote.ratedAt().isAfter(stored.ratedAt()) ? vote : stored,
                        Named.as("tally-latest-vote"),
                        Materialized.<String, Vote, KeyValueStore<Bytes, byte[]>>as(LATEST_VOTES)
                                .withKeySerde(Serdes.String()).withValueSerde(votes))
                .groupBy((key, vote) -> KeyValue.pair(vote.articleId(), vote),
                        Grouped.with(VOTES_BY_ARTICLE, Serdes.String(), votes))
                .aggregate(Tally::none,
                        (articleId, vote, tally) -> tally.add(vote, clock.instant()),
                        (articleId, vote, tally) -> tally.subtract(vote),
                        Named.as("tally-aggregate"),
                        Materialized.<String, Tally, KeyValueStore<Bytes, byte[]>>as(TOTALS)
                                .withKeySerde(Serdes.String()).withValueSerde(tallies))
                .toStream(Named.as("tally-changes"))
                .processValues(Summary::new, Named.as("tally-summary"));
    }

    /** A voter's vote as the tally keeps it, with the trace of the request that cast it. */
    record Vote(UUID ratingId, String articleId, String voterId, int stars, Instant ratedAt, String requestId,
                String traceparent) {

        String key() {
            return articleId + "|" + voterId;
        }
    }

    /**
     * An article's totals. {@code takenOut} is the rating id the subtractor just removed: when the
     * adder puts the same vote back (a duplicate or a late older vote left the voter's vote as it
     * was), the totals are unchanged and so are {@code updatedAt} and the cause.
     */
    record Tally(long points, long count, List<Long> histogram, Instant updatedAt, String requestId,
                 String traceparent, UUID takenOut) {

        static Tally none() {
            return new Tally(0, 0, List.of(0L, 0L, 0L, 0L, 0L), null, null, null, null);
        }

        Tally add(Vote vote, Instant now) {
            boolean unchanged = vote.ratingId().equals(takenOut);
            return new Tally(points + vote.stars(), count + 1, bucket(vote.stars(), 1),
                    unchanged && updatedAt != null ? updatedAt : now,
                    unchanged ? requestId : vote.requestId(), unchanged ? traceparent : vote.traceparent(), null);
        }

        Tally subtract(Vote vote) {
            return new Tally(points - vote.stars(), count - 1, bucket(vote.stars(), -1), updatedAt, requestId,
                    traceparent, vote.ratingId());
        }

        private List<Long> bucket(int stars, long delta) {
            List<Long> buckets = new ArrayList<>(histogram);
            buckets.set(stars - 1, buckets.get(stars - 1) + delta);
            return List.copyOf(buckets);
        }
    }

    /** A record read as an event, or the reason it cannot be (and its original bytes). */
    record Checked(Vote vote, byte[] original, String reason) {
    }

    /** Reads each record as the platform's consumers do; nothing about it reaches the tally unchecked. */
    private final class CheckVote implements FixedKeyProcessor<String, byte[], Checked> {

        private FixedKeyProcessorContext<String, Checked> context;

        @Override
        public void init(FixedKeyProcessorContext<String, Checked> context) {
            this.context = context;
        }

        @Override
        public void process(FixedKeyRecord<String, byte[]> record) {
            Optional<RecordMetadata> origin = context.recordMetadata();
            ConsumerRecord<String, byte[]> consumed = new ConsumerRecord<>(
                    origin.map(RecordMetadata::topic).orElse(Topics.ARTICLE_RATED),
                    origin.map(RecordMetadata::partition).orElse(-1), origin.map(RecordMetadata::offset).orElse(-1L),
                    record.timestamp(), TimestampType.CREATE_TIME, -1, -1, record.key(), record.value(),
                    record.headers(), Optional.empty());
            try {
                ArticleRated rated = incoming.read(consumed, ArticleRated.class);
                context.forward(record.withValue(new Checked(new Vote(rated.ratingId(), rated.articleId(),
                        rated.voterId(), rated.stars(), rated.ratedAt(),
                        CloudEventHeaders.read(record.headers(), CloudEventHeaders.REQUEST_ID).orElse(null),
                        CloudEventHeaders.read(record.headers(), TRACEPARENT).orElse(null)), null, null)));
            } catch (InvalidEventException e) {
                context.forward(record.withValue(new Checked(null, record.value(),
                        e.getClass().getSimpleName() + ": " + e.getMessage())));
            }
        }
    }

    /** The original bytes and headers, plus the reason, as the platform's error handler writes them. */
    private final class DeadLetter implements FixedKeyProcessor<String, Checked, byte[]> {

        private FixedKeyProcessorContext<String, byte[]> context;

        @Override
        public void init(FixedKeyProcessorContext<String, byte[]> context) {
            this.context = context;
        }

        @Override
        public void process(FixedKeyRecord<String, Checked> record) {
            Headers headers = new RecordHeaders(record.headers().toArray());
            headers.remove(EventsConfiguration.DEAD_LETTER_REASON);
            headers.add(EventsConfiguration.DEAD_LETTER_REASON, record.value().reason().getBytes(StandardCharsets.UTF_8));
            // who refused it, under the name Spring Kafka's dead-letter recoverer gives it
            headers.remove(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP);
            headers.add(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP, context.applicationId().getBytes(StandardCharsets.UTF_8));
            meters.counter("events.dead-lettered", "topic", Topics.ARTICLE_RATED, "reason", "invalid").increment();
            context.forward(record.withValue(record.value().original()).withHeaders(headers));
        }
    }

    /**
     * An {@code ArticleRatingSummary}, checked against its schema, with fresh headers: Kafka
     * Streams would otherwise pass on the headers of whatever input record caused the change.
     */
    private final class Summary implements FixedKeyProcessor<String, Tally, byte[]> {

        private FixedKeyProcessorContext<String, byte[]> context;

        @Override
        public void init(FixedKeyProcessorContext<String, byte[]> context) {
            this.context = context;
        }

        @Override
        public void process(FixedKeyRecord<String, Tally> record) {
            Tally tally = record.value();
            if (tally == null) {
                return; // the aggregate never deletes; nothing to say
            }
            ArticleRatingSummary summary = new ArticleRatingSummary(record.key(), tally.points(), tally.count(),
                    tally.count() == 0 ? 0 : (double) tally.points() / tally.count(), tally.histogram(),
                    RatingTotals.score(tally.points(), tally.count()),
                    Objects.requireNonNullElseGet(tally.updatedAt(), clock::instant));
            byte[] value = json.writeValueAsBytes(summary);
            schemas.check(EventType.ARTICLE_RATING_SUMMARY, json.readTree(value)); // a failure here is a bug
            Headers headers = new RecordHeaders();
            CloudEventHeaders.write(headers, EventType.ARTICLE_RATING_SUMMARY, UUID.randomUUID().toString(), source,
                    record.key(), clock.instant());
            if (tally.requestId() != null) {
                headers.add(CloudEventHeaders.REQUEST_ID, tally.requestId().getBytes(StandardCharsets.UTF_8));
            }
            if (tally.traceparent() != null) {
                headers.add(TRACEPARENT, tally.traceparent().getBytes(StandardCharsets.UTF_8));
            }
            context.forward(record.withValue(value).withHeaders(headers));
        }
    }

    private static <T> Serde<T> jsonSerde(JsonMapper json, Class<T> type) {
        return Serdes.serdeFrom((topic, value) -> value == null ? null : json.writeValueAsBytes(value),
                (topic, bytes) -> bytes == null ? null : json.readValue(bytes, type));
    }
}
