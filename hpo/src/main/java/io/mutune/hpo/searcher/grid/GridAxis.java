package io.mutune.hpo.searcher.grid;

import io.mutune.hpo.space.CategoricalParameter;
import io.mutune.hpo.space.FloatParameter;
import io.mutune.hpo.space.IntParameter;
import io.mutune.hpo.space.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The values one parameter takes on a grid, as unit coordinates its {@link Parameter#decode}
 * maps back to them. A discrete parameter (integer, categorical, stepped float) takes every
 * value; a continuous one takes {@code points} values spaced evenly in its encoding (so
 * log-spaced for a log parameter), both ends included. Given {@code points} for a discrete
 * parameter with more values than that, the grid takes the values nearest to those even
 * positions, again with both ends.
 */
record GridAxis(String name, double[] units) {

    /** How many points a continuous axis gets when the spec names no count for it. */
    static final int DEFAULT_CONTINUOUS_POINTS = 5;

    /**
     * @param points the spec's {@code points_per_axis} for this parameter, or null for the default
     */
    static GridAxis of(Parameter p, Integer points) {
        if (points != null && points < 1) {
            throw new IllegalArgumentException("search.options.points_per_axis." + p.name() + ": must be >= 1, got " + points);
        }
        boolean continuous = p.cardinality() == Integer.MAX_VALUE;
        if (continuous) {
            return new GridAxis(p.name(), evenly(points == null ? DEFAULT_CONTINUOUS_POINTS : points));
        }
        double[] all = valueUnits(p);
        if (points == null || points >= all.length) {
            return new GridAxis(p.name(), all);
        }
        // Nearest value to each even position; a log integer's values crowd at its low end, so two
        // positions may pick the same value, which the set keeps once.
        TreeSet<Double> picked = new TreeSet<>();
        for (double target : evenly(points)) {
            double best = all[0];
            for (double u : all) {
                if (Math.abs(u - target) < Math.abs(best - target)) {
                    best = u;
                }
            }
            picked.add(best);
        }
        return new GridAxis(p.name(), picked.stream().mapToDouble(Double::doubleValue).toArray());
    }

    int size() {
        return units.length;
    }

    private static double[] evenly(int n) {
        double[] u = new double[n];
        for (int i = 0; i < n; i++) {
            u[i] = n == 1 ? 0.5 : (double) i / (n - 1);
        }
        return u;
    }

    /** Every value of a discrete parameter, encoded, in increasing order. */
    private static double[] valueUnits(Parameter p) {
        List<Object> values = new ArrayList<>();
        if (p instanceof IntParameter ip) {
            for (long v = ip.low(); v <= ip.high(); v += ip.step()) {
                values.add(v);
            }
        } else if (p instanceof CategoricalParameter cp) {
            values.addAll(cp.choices());
        } else if (p instanceof FloatParameter fp) {
            for (int i = 0; i < fp.cardinality(); i++) {
                values.add(Math.min(fp.high(), fp.low() + i * (fp.step() > 0 ? fp.step() : 0)));
            }
        }
        double[] u = values.stream().mapToDouble(p::encode).distinct().sorted().toArray();
        if (u.length == 0) {
            throw new IllegalArgumentException("search.space." + p.name() + ": has no values to put on a grid");
        }
        return u;
    }
}
