package io.mutune.transfer.rules;

/**
 * One value of a hyperparameter at one scale point, and the best loss seen there.
 *
 * @param x        the value in fit space
 * @param loss     the lowest mean final-resource loss over the configurations with this value;
 *                 {@link Double#POSITIVE_INFINITY} when every configuration with it diverged
 * @param configs  how many distinct configurations share this value
 * @param runs     how many seed replicates the best configuration's mean is over
 */
public record ProfilePoint(double x, double loss, int configs, int runs) {

    public ProfilePoint {
        if (runs < 1) {
            throw new IllegalArgumentException("profile point at " + x + " is the mean of " + runs + " runs; expected >= 1");
        }
    }

    /** A point that is a single run. */
    public ProfilePoint(double x, double loss, int configs) {
        this(x, loss, configs, 1);
    }

    public boolean diverged() {
        return loss == Double.POSITIVE_INFINITY;
    }

    /** The standard error of its loss under {@code noise}; NaN when the noise is unknown. */
    public double standardError(NoiseEstimate noise) {
        return noise.standardError(loss, runs);
    }
}
