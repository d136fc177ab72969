package io.mutune.transfer.recommend;

import java.util.Map;

/**
 * What missing a hyperparameter's optimum costs, read at the largest proxy: the relative increase
 * of the loss when the value is halved and when it is doubled (0.012 is 1.2 % worse). A launcher
 * that cannot afford a 2x miss on a sensitive hyperparameter should validate it at the target.
 *
 * @param scale  the scale point it was read at
 * @param half   relative loss cost at value / 2; NaN outside the searched range
 * @param twice  relative loss cost at value x 2; NaN outside the searched range
 */
public record Sensitivity(Map<String, Double> scale, double half, double twice) {

    public Sensitivity {
        scale = Map.copyOf(scale);
    }
}
