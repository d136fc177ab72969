package io.mutune.hpo.importance;

/**
 * The Pearson divergence D(p || q) = E_q[(p/q - 1)^2] = integral of p^2/q, minus 1, between two
 * densities of one hyperparameter: on the unit interval by the midpoint rule, or over categories.
 */
final class PearsonDivergence {
    /** Grid cells for the integral on [0, 1]; kernels are at least {@link UnitKde#MIN_BANDWIDTH} wide, 5 cells or more. */
    static final int CELLS = 512;

    private PearsonDivergence() { }

    static double continuous(UnitKde p, UnitKde q) {
        double sum = 0;
        for (int i = 0; i < CELLS; i++) {
            double u = (i + 0.5) / CELLS;
            double pu = p.at(u);
            sum += pu * pu / q.at(u);
        }
        return Math.max(0, sum / CELLS - 1);
    }

    /** Over categories, from counts; each count gets a prior of one half so that q is never zero. */
    static double categorical(int[] pCounts, int[] qCounts) {
        if (pCounts.length != qCounts.length) {
            throw new IllegalArgumentException("category counts differ in length: " + pCounts.length + " and " + qCounts.length);
        }
        double[] p = shares(pCounts);
        double[] q = shares(qCounts);
        double sum = 0;
        for (int c = 0; c < p.length; c++) {
            sum += p[c] * p[c] / q[c];
        }
        return Math.max(0, sum - 1);
    }

    private static double[] shares(int[] counts) {
        double total = 0;
        for (int n : counts) {
            total += n + 0.5;
        }
        double[] s = new double[counts.length];
        for (int c = 0; c < s.length; c++) {
            s[c] = (counts[c] + 0.5) / total;
        }
        return s;
    }
}
