package vn.portal.contracts;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every event type: its topic, its versioned CloudEvents type, its record, and where its JSON
 * Schema and golden example lie on the class path. A change that breaks a golden example gets a
 * new type version, never a silent edit.
 */
public enum EventType {

    ARTICLE_PUBLISHED(Topics.ARTICLE_PUBLISHED, "vn.portal.article.published.v1", ArticlePublished.class),
    ARTICLE_UNPUBLISHED(Topics.ARTICLE_UNPUBLISHED, "vn.portal.article.unpublished.v1", ArticleUnpublished.class),
    ARTICLE_RATED(Topics.ARTICLE_RATED, "vn.portal.article.rated.v1", ArticleRated.class),
    ARTICLE_RATING_SUMMARY(Topics.ARTICLE_RATING_SUMMARY, "vn.portal.article.rating-summary.v1",
            ArticleRatingSummary.class),
    MEDIA_UPLOADED(Topics.MEDIA_UPLOADED, "vn.portal.media.uploaded.v1", MediaUploaded.class);

    private final String topic;
    private final String ceType;
    private final Class<? extends Record> recordType;

    EventType(String topic, String ceType, Class<? extends Record> recordType) {
        this.topic = topic;
        this.ceType = ceType;
        this.recordType = recordType;
    }

    public String topic() {
        return topic;
    }

    /** The CloudEvents {@code type} attribute, carried in the {@code ce_type} header. */
    public String ceType() {
        return ceType;
    }

    public Class<? extends Record> recordType() {
        return recordType;
    }

    /** Class path resource of the JSON Schema (2020-12). */
    public String schemaResource() {
        return "/contracts/schemas/" + ceType + ".schema.json";
    }

    /** Class path resource of the golden example. */
    public String exampleResource() {
        return "/contracts/examples/" + ceType + ".json";
    }

    public static EventType of(Class<?> recordType) {
        return Arrays.stream(values()).filter(t -> t.recordType == recordType).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not an event record: " + recordType.getName()));
    }

    public static Optional<EventType> ofCeType(String ceType) {
        return Arrays.stream(values()).filter(t -> t.ceType.equals(ceType)).findFirst();
    }
}
