package vn.portal.rating.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The ranking score on known inputs. Expected values are worked by hand from the weighted-rating
 * formula IMDb published for its Top 250, WR = v/(v+m)·R + m/(v+m)·C, with v votes of average R,
 * m = 5 prior votes and C = 3.0 prior mean.
 */
class RankingScoreTest {

    @Test
    void anArticleWithoutVotesScoresThePriorMean() {
        assertThat(RatingTotals.score(0, 0)).isEqualTo(3.0);
    }

    @Test
    void oneFiveStarVoteMovesTheScoreOnlyASixthOfTheWay() {
        // v=1, R=5: 1/6·5 + 5/6·3 = 0.8333 + 2.5 = 3.3333
        assertThat(RatingTotals.score(5, 1)).isCloseTo(3.3333, within(1e-4));
    }

    @Test
    void manyGoodVotesOutrankOneExcellentVote() {
        // v=100, R=4.8 (480 points): 100/105·4.8 + 5/105·3 = 4.5714 + 0.1429 = 4.7143
        assertThat(RatingTotals.score(480, 100)).isCloseTo(4.7143, within(1e-4));
        assertThat(RatingTotals.score(480, 100)).isGreaterThan(RatingTotals.score(5, 1));
    }

    @Test
    void theGoldenExampleOfTheSummaryContractUsesThisFormula() {
        // v=7, 27 points (R=3.857): 7/12·3.857 + 5/12·3 = 2.25 + 1.25 = 3.5
        assertThat(RatingTotals.score(27, 7)).isCloseTo(3.5, within(1e-9));
    }
}
