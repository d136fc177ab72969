package io.mutune.connectors.recommend;

import java.io.Serializable;

/**
 * How sure a recommendation is (schema version 2): the seed noise it was judged against, how well
 * the rule fits, the loss it predicts at the target and what a 2x miss costs. Every field is
 * nullable: null means not measured (nothing was repeated, no spare degree of freedom, a rule
 * with no loss law) or a row written before version 2.
 *
 * @param noiseSd           one run's seed-to-seed s.d. as a fraction of the loss (0.047 is 4.7 %)
 * @param noiseSdLower      lower end of its 95 % interval
 * @param noiseSdUpper      upper end
 * @param noiseDf           the degrees of freedom the noise was pooled from
 * @param verdictConfidence bootstrap support for the verdict, in [0, 1]
 * @param fitPValue         the lack-of-fit p-value of the rule
 * @param verdictReason     why the verdict is what it is, in a sentence
 * @param predictedLoss     the loss predicted at the target
 * @param predictedLossLower lower end of its 95 % interval
 * @param predictedLossUpper upper end
 * @param sensitivityHalf   relative loss cost of using half the value, at the largest proxy
 * @param sensitivityDouble relative loss cost of using twice the value
 */
public record RecommendationStatistics(
        Double noiseSd,
        Double noiseSdLower,
        Double noiseSdUpper,
        Integer noiseDf,
        Double verdictConfidence,
        Double fitPValue,
        String verdictReason,
        Double predictedLoss,
        Double predictedLossLower,
        Double predictedLossUpper,
        Double sensitivityHalf,
        Double sensitivityDouble) implements Serializable {

    /** Nothing measured: what a row written before schema version 2 reads as. */
    public static final RecommendationStatistics NONE =
            new RecommendationStatistics(null, null, null, null, null, null, null, null, null, null, null, null);
}
