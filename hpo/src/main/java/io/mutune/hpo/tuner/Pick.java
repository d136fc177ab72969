package io.mutune.hpo.tuner;

/**
 * The configuration a tuner names as its result, and how well it is known.
 *
 * @param trial      the trial whose configuration it is
 * @param resource   the resource its runs reached
 * @param meanMetric the mean metric over its runs there
 * @param runs       how many runs the mean is over (its own and its completed replicates)
 * @param sd         the runs' sample standard deviation; NaN with one run
 */
public record Pick(TrialState trial, long resource, double meanMetric, int runs, double sd) {
}
