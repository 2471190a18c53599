package vn.portal.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * One accepted vote: a first vote ({@code previousStars == null}) or a changed vote.
 * Delivered at least once; idempotent by {@code ratingId}. A voter has one vote per article.
 *
 * @param ratingId      unique per accepted vote
 * @param articleId     the record key
 * @param voterId       a pseudonym of the reader, stable per reader; never an account name
 * @param stars         1..5
 * @param previousStars the stars this vote replaces, null for a first vote
 * @param ratedAt       when the vote was accepted
 */
public record ArticleRated(UUID ratingId, String articleId, String voterId,
                           int stars, Integer previousStars, Instant ratedAt) {
}
