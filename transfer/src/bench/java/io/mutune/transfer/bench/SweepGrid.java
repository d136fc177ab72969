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
 * @param multiplierWidths null for the joint protocol (every proxy width searches everything); for the
 *                    staged protocol, the widths that search the multipliers, after which every proxy
 *                    width sweeps the learning rate at the recommended multipliers
 * @param lrRepeats   staged protocol: seeds per point of those LR sweeps
 * @param targetSeeds seeds per configuration at the target (the recommended run and the direct
 *                    sweep), to measure the loss gap above one run's noise; the compute share
 *                    counts one seed of the direct sweep
 */
record SweepGrid(List<Double> proxyWidths, double targetWidth, List<Double> lrGrid, List<Double> directLrGrid,
                 Map<String, List<Double>> multipliers, List<Double> multiplierWidths, int lrRepeats, int targetSeeds) {

    boolean staged() {
        return multiplierWidths != null && !multipliers.isEmpty();
    }
}
