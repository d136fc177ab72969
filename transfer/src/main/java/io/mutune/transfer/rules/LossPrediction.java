package io.mutune.transfer.rules;

/**
 * The loss expected at a target scale: the proxies' best losses extrapolated along a power law in
 * the scale axes ({@code log loss = c + sum_k b_k log axis_k}), with a bootstrap interval.
 *
 * @param value the predicted loss at the optimum of the target
 * @param lower lower end of the 95 % interval
 * @param upper upper end
 * @param form  the law, e.g. {@code log loss = 1.23 - 0.084*log(width)}
 */
public record LossPrediction(double value, double lower, double upper, String form) {
}
