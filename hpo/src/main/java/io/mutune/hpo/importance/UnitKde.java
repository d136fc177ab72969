package io.mutune.hpo.importance;

import io.mutune.hpo.math.Normal;

/**
 * A Gaussian kernel density on the unit interval: Scott's bandwidth, and each kernel renormalized to
 * its mass inside [0, 1] so that the density integrates to one on the interval (no mass lost at the
 * edges, where the best values of a hyperparameter often lie).
 */
final class UnitKde {
    /** The narrowest kernel, as a share of the interval: a handful of equal values must not make a spike. */
    static final double MIN_BANDWIDTH = 0.01;

    private final double[] points;
    private final double bandwidth;
    private final double[] mass;

    UnitKde(double[] points) {
        if (points.length == 0) {
            throw new IllegalArgumentException("a density needs at least one point, got none");
        }
        this.points = points.clone();
        this.bandwidth = Math.max(MIN_BANDWIDTH, scott(points));
        this.mass = new double[points.length];
        for (int i = 0; i < points.length; i++) {
            mass[i] = Normal.cdf((1 - points[i]) / bandwidth) - Normal.cdf(-points[i] / bandwidth);
        }
    }

    /** Scott's rule, 1.059 sigma n^(-1/5) (Scott, 1992, Multivariate Density Estimation, eq. 6.17). */
    static double scott(double[] x) {
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        double sd = x.length > 1 ? Math.sqrt(ss / (x.length - 1)) : 0;
        return 1.059 * sd * Math.pow(x.length, -0.2);
    }

    double bandwidth() {
        return bandwidth;
    }

    /** The density at {@code u} in [0, 1]. */
    double at(double u) {
        double sum = 0;
        for (int i = 0; i < points.length; i++) {
            sum += Normal.pdf((u - points[i]) / bandwidth) / mass[i];
        }
        return sum / (points.length * bandwidth);
    }
}
