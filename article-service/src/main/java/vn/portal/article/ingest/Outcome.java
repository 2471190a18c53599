package vn.portal.article.ingest;

/** What ingesting one record did; the {@code outcome} tag of {@code articles.ingested}. */
public enum Outcome {
    APPLIED("applied"),
    /** The same revision again: a redelivery. */
    DUPLICATE("duplicate"),
    /** An older revision than the stored one: a late, out-of-order event. */
    STALE("stale"),
    /** Invalid or unsafe: sent to the dead letter topic with the reason. */
    DEAD_LETTERED("dead-lettered");

    private final String tag;

    Outcome(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }
}
