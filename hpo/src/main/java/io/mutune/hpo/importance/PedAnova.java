package io.mutune.hpo.importance;

import io.mutune.hpo.space.CategoricalParameter;
import io.mutune.hpo.space.Configuration;
import io.mutune.hpo.space.IntParameter;
import io.mutune.hpo.space.Parameter;
import io.mutune.hpo.space.SearchSpace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Hyperparameter importance by PED-ANOVA (Watanabe, Bansal and Hutter, 2023, "PED-ANOVA: Efficiently
 * Quantifying Hyperparameter Importance in Arbitrary Subspaces", IJCAI). A hyperparameter matters as
 * much as the best trials' distribution of it differs from all trials' distribution of it: the Pearson
 * divergence between the two, which the paper shows equals, up to the constant
 * {@code (topQuantile / regionQuantile)^2}, the local variance that f-ANOVA would attribute to it. It
 * needs no surrogate model: two kernel densities per hyperparameter, in the unit coordinates of the
 * {@link SearchSpace} (so log-scaled hyperparameters are compared on their log scale).
 *
 * <p>Categorical hyperparameters, and integers on a linear scale with at most {@link #MAX_CELLS} values,
 * are compared by their counts per value; every other one gets a {@link UnitKde}.
 */
public final class PedAnova {
    /** Up to this many distinct values, a hyperparameter is compared value by value. */
    public static final int MAX_CELLS = 16;

    private final double topQuantile;
    private final double regionQuantile;
    private final int minTop;

    /**
     * @param topQuantile    the share of trials counted as the best, e.g. 0.1
     * @param regionQuantile the share of trials that make up the region the importance is local to; 1 = all
     * @param minTop         the fewest trials counted as the best, whatever the quantile gives
     */
    public PedAnova(double topQuantile, double regionQuantile, int minTop) {
        if (!(topQuantile > 0 && topQuantile < regionQuantile && regionQuantile <= 1)) {
            throw new IllegalArgumentException("need 0 < topQuantile < regionQuantile <= 1, got " + topQuantile + " and " + regionQuantile);
        }
        if (minTop < 1) {
            throw new IllegalArgumentException("minTop must be at least 1, got " + minTop);
        }
        this.topQuantile = topQuantile;
        this.regionQuantile = regionQuantile;
        this.minTop = minTop;
    }

    /** The paper's defaults as Optuna also uses them: the best 10% of all trials, at least 2. */
    public static PedAnova defaults() {
        return new PedAnova(0.1, 1.0, 2);
    }

    /** The fewest trials this evaluator can rank: more than the best set, so that the two sets differ. */
    public int minTrials() {
        int n = minTop + 1;
        while (topCount(n) >= regionCount(n)) {
            n++;
        }
        return n;
    }

    /**
     * Each hyperparameter's importance, most important first.
     *
     * @param losses one per configuration, lower is better; NaN or infinite (a diverged trial) counts as worst
     */
    public List<Importance> evaluate(SearchSpace space, List<Configuration> configs, double[] losses) {
        if (configs.size() != losses.length) {
            throw new IllegalArgumentException(configs.size() + " configurations but " + losses.length + " losses");
        }
        int n = configs.size();
        if (n < minTrials()) {
            throw new IllegalArgumentException("importance needs at least " + minTrials() + " trials, got " + n);
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> Double.isFinite(losses[i]) ? losses[i] : Double.POSITIVE_INFINITY));
        int top = topCount(n);
        int region = regionCount(n);
        List<double[]> encoded = configs.stream().map(space::encode).toList();
        List<Parameter> params = space.parameters();
        double[] div = new double[params.size()];
        for (int d = 0; d < params.size(); d++) {
            double[] best = coordinates(encoded, order, top, d);
            double[] all = coordinates(encoded, order, region, d);
            div[d] = best.length == 0 ? 0 : divergence(params.get(d), best, all);
        }
        double total = Arrays.stream(div).sum();
        List<Importance> out = new ArrayList<>();
        for (int d = 0; d < params.size(); d++) {
            out.add(new Importance(params.get(d).name(), div[d], total > 0 ? div[d] / total : 1.0 / params.size()));
        }
        out.sort(Comparator.comparingDouble(Importance::divergence).reversed());
        return out;
    }

    private int topCount(int n) {
        return Math.max(minTop, (int) Math.ceil(topQuantile * n));
    }

    private int regionCount(int n) {
        return Math.min(n, (int) Math.ceil(regionQuantile * n));
    }

    /** The unit coordinate of parameter {@code d} in the first {@code k} trials by loss, where it is active. */
    private static double[] coordinates(List<double[]> encoded, Integer[] order, int k, int d) {
        return Arrays.stream(order, 0, k).mapToDouble(i -> encoded.get(i)[d]).filter(v -> !Double.isNaN(v)).toArray();
    }

    private static double divergence(Parameter p, double[] best, double[] all) {
        boolean byValue = p instanceof CategoricalParameter || (p instanceof IntParameter i && !i.log() && i.cardinality() <= MAX_CELLS);
        int cells = byValue ? p.cardinality() : 0;
        if (cells == 0) {
            return PearsonDivergence.continuous(new UnitKde(best), new UnitKde(all));
        }
        return PearsonDivergence.categorical(counts(best, cells), counts(all, cells));
    }

    /** Counts per value: a categorical's or linear integer's value {@code c} of {@code k} encodes to the middle of cell {@code [c/k, (c+1)/k]}. */
    private static int[] counts(double[] u, int cells) {
        int[] c = new int[cells];
        for (double v : u) {
            c[Math.min(cells - 1, (int) Math.floor(v * cells))]++;
        }
        return c;
    }
}
