package vn.portal.rating.summary;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** Per-article totals, as the tally last summarized them ({@link TotalsProjection}). */
@Document("totals")
record RatingTotals(@Id String articleId, long points, long count, List<Long> histogram, Instant updatedAt) {

    /** Weight of the prior, in votes, and its mean, in stars: see {@link #score()}. */
    static final double PRIOR_VOTES = 5;
    static final double PRIOR_MEAN = 3.0;

    static RatingTotals none(String articleId) {
        return new RatingTotals(articleId, 0, 0, List.of(0L, 0L, 0L, 0L, 0L), null);
    }

    double average() {
        return count == 0 ? 0 : (double) points / count;
    }

    double score() {
        return score(points, count);
    }

    /**
     * Bayesian average (the weighted rating IMDb used for its Top 250,
     * {@code WR = v/(v+m)·R + m/(v+m)·C}): the article's votes plus {@value #PRIOR_VOTES} imaginary
     * votes of {@value #PRIOR_MEAN} stars. Few votes stay near the prior; many votes approach the
     * article's own average.
     */
    static double score(long points, long count) {
        return (PRIOR_VOTES * PRIOR_MEAN + points) / (PRIOR_VOTES + count);
    }
}
