package io.mutune.transfer.rules;

import java.util.Map;

/**
 * Leave-one-scale-out check of a rule: refit without the largest proxy scale, predict it.
 *
 * @param heldOut       the scale point left out
 * @param predicted     the refitted rule's value there
 * @param observed      that scale's own optimum
 * @param logError      {@code log(predicted / observed)} for LOG hyperparameters, {@code predicted - observed} for LINEAR
 * @param lossError     relative excess loss, read from the held-out scale's own loss curve at the
 *                      predicted value, over its best loss; null when the prediction falls outside
 *                      the searched range or next to a diverged value
 */
public record Validation(Map<String, Double> heldOut, double predicted, double observed, double logError,
                         Double lossError) {

    public Validation {
        heldOut = Map.copyOf(heldOut);
    }
}
