package vn.portal.contracts;

/** Kafka topic names. Each topic carries one event type; the record key is given beside it. */
public final class Topics {

    /** A revision of an article is published: a full snapshot. Key: articleId. */
    public static final String ARTICLE_PUBLISHED = "ArticlePublished";

    /** The article is withdrawn. Key: articleId. */
    public static final String ARTICLE_UNPUBLISHED = "ArticleUnpublished";

    /** One accepted vote (a first vote or a changed vote). Key: articleId. */
    public static final String ARTICLE_RATED = "ArticleRated";

    /** The latest rating totals of an article. Compacted. Key: articleId. */
    public static final String ARTICLE_RATING_SUMMARY = "ArticleRatingSummary";

    /** A new image and its renditions. Key: mediaId. */
    public static final String MEDIA_UPLOADED = "MediaUploaded";

    /** Suffix of the dead letter topic beside each topic, e.g. {@code ArticlePublished.DLT}. */
    public static final String DEAD_LETTER_SUFFIX = ".DLT";

    private Topics() {
    }
}
