package io.mutune.transfer.rules;

import java.util.Map;

/**
 * The optimum of one hyperparameter at one scale point, with the evidence behind it.
 *
 * @param hyperparameter       its name, as in the sweep spec
 * @param scale                the scale point
 * @param fitSpace             LOG or LINEAR: where the value was estimated
 * @param value                the optimal value (vertex of the local quadratic, or the argmin)
 * @param plateauLower         lowest value of the plateau band: contiguous values whose loss is within
 *                             the relative tolerance of the best (0.25% by default, as in the Step Law's fit tool)
 * @param plateauUpper         highest value of the plateau band
 * @param method               QUADRATIC or ARGMIN
 * @param reason               why the quadratic was not used (ARGMIN only), else null
 * @param edge                 LOWER/UPPER when nothing was searched beyond the optimum on that side
 * @param divergenceThreshold  the smallest value above the optimum at which every trial diverged, else null
 * @param trials               trials at this scale point (all resources, diverged included)
 * @param finalTrials          completed trials at the final resource, the ones the estimate uses
 * @param finalResource        that final resource
 * @param bestMetric           the lowest final-resource loss here (a mean over its replicates)
 * @param spacing              the searched values' spacing around the optimum, in fit space
 * @param bestRuns             how many runs {@code bestMetric} is the mean of
 * @param noise                the seed noise measured at this scale point
 * @param intervalLower        lower end of the optimum's 95 % interval (bootstrap, at least half a grid
 *                             step either side); NaN until the rule fit has bootstrapped it
 * @param intervalUpper        upper end
 * @param lossAtOptimum        the loss the local quadratic reaches at its vertex (QUADRATIC), else {@code bestMetric}
 */
public record ScaleOptimum(String hyperparameter, Map<String, Double> scale, FitSpace fitSpace, double value,
                           double plateauLower, double plateauUpper, OptimumMethod method, String reason,
                           RangeEdge edge, Double divergenceThreshold, int trials, int finalTrials,
                           long finalResource, double bestMetric, double spacing, int bestRuns, NoiseEstimate noise,
                           double intervalLower, double intervalUpper, double lossAtOptimum) {

    public ScaleOptimum {
        scale = Map.copyOf(scale);
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("optimum of " + hyperparameter + " at " + scale + " is " + value);
        }
        if (!(plateauLower <= value && value <= plateauUpper)) {
            throw new IllegalArgumentException("plateau band [" + plateauLower + ", " + plateauUpper
                    + "] of " + hyperparameter + " at " + scale + " does not contain the optimum " + value);
        }
    }

    /** The same optimum with its interval. */
    public ScaleOptimum withInterval(double lower, double upper) {
        return new ScaleOptimum(hyperparameter, scale, fitSpace, value, plateauLower, plateauUpper, method, reason, edge,
                divergenceThreshold, trials, finalTrials, finalResource, bestMetric, spacing, bestRuns, noise, lower, upper,
                lossAtOptimum);
    }

    /** The same optimum at another name of its scale point (with derived axes such as N added, for a rule in them). */
    public ScaleOptimum withScale(Map<String, Double> other) {
        return new ScaleOptimum(hyperparameter, other, fitSpace, value, plateauLower, plateauUpper, method, reason, edge,
                divergenceThreshold, trials, finalTrials, finalResource, bestMetric, spacing, bestRuns, noise, intervalLower,
                intervalUpper, lossAtOptimum);
    }

    /** The standard error of {@code bestMetric}; NaN when the noise is unknown. */
    public double bestMetricSe() {
        return noise == null ? Double.NaN : noise.standardError(bestMetric, bestRuns);
    }

    /** The optimum in fit space (log of the value for LOG hyperparameters). */
    public double fitValue() {
        return fitSpace.toFit(value);
    }
}
