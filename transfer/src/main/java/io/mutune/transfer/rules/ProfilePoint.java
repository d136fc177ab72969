package io.mutune.transfer.rules;

/**
 * One value of a hyperparameter at one scale point, and the best loss seen there.
 *
 * @param x        the value in fit space
 * @param loss     the lowest mean final-resource loss over the configurations with this value;
 *                 {@link Double#POSITIVE_INFINITY} when every configuration with it diverged
 * @param configs  how many distinct configurations share this value
 */
public record ProfilePoint(double x, double loss, int configs) {

    public boolean diverged() {
        return loss == Double.POSITIVE_INFINITY;
    }
}
