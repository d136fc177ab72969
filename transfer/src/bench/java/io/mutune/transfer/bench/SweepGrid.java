package io.mutune.transfer.bench;

import java.util.List;
import java.util.Map;

/**
 * The benchmark's search: per proxy width, a learning-rate grid at the base multipliers, then each
 * multiplier's grid at the best values so far (the one-at-a-time sweeps muTransfer papers run),
 * then the learning rate again near its optimum at the best multipliers.
 *
 * @param proxyWidths widths of the proxies
 * @param targetWidth width to recommend for, where the direct LR sweep runs
 * @param lrGrid      learning rates of the proxies' sweeps
 * @param directLrGrid learning rates of the direct sweep at the target
 * @param multipliers per multiplier name (e.g. init_std, output_mult), its grid; 1.0 is the base
 */
record SweepGrid(List<Double> proxyWidths, double targetWidth, List<Double> lrGrid, List<Double> directLrGrid, Map<String, List<Double>> multipliers) {
}
