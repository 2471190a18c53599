package vn.portal.contracts;

import java.time.Instant;
import java.util.List;

/**
 * The latest rating totals of an article, on a compacted topic: the last record per key wins.
 *
 * @param articleId the record key
 * @param points    sum of the stars of every voter's current vote
 * @param count     number of voters
 * @param average   points / count, 0 when there are no votes
 * @param histogram number of votes with 1, 2, 3, 4 and 5 stars, in that order
 * @param score     the ranking score (the formula: docs/architecture.md, "The ranking score")
 * @param updatedAt when these totals were computed
 */
public record ArticleRatingSummary(String articleId, long points, long count, double average,
                                   List<Long> histogram, double score, Instant updatedAt) {
}
