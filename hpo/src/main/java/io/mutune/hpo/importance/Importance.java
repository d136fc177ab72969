package io.mutune.hpo.importance;

/**
 * How much one hyperparameter matters in a set of trials.
 *
 * @param divergence the Pearson divergence between the hyperparameter's distribution among the best
 *                   trials and among all trials of the region: 0 when the best trials are spread as all
 *                   are; {@code 1/quantile - 1} when they all sit in one {@code quantile}-wide part of its range
 * @param share      the divergence as a share of all the hyperparameters' divergences (the shares add up to 1)
 */
public record Importance(String parameter, double divergence, double share) { }
