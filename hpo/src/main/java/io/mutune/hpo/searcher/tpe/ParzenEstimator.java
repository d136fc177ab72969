package io.mutune.hpo.searcher.tpe;

import io.mutune.hpo.math.Normal;
import io.mutune.hpo.math.TruncatedNormal;
import io.mutune.hpo.space.CategoricalParameter;
import io.mutune.hpo.space.Parameter;
import io.mutune.hpo.space.SearchSpace;
import java.util.SplittableRandom;

/**
 * A multivariate Parzen estimator over the unit hypercube: a mixture of one product kernel per
 * observation plus a broad prior component (Bergstra et al., "Algorithms for Hyper-Parameter
 * Optimization", NeurIPS 2011; the multivariate form of Falkner et al., BOHB, ICML 2018).
 * Numeric coordinates get truncated normals with a Scott-rule bandwidth; categorical ones a
 * smoothed indicator. A NaN coordinate (inactive parameter) contributes a uniform factor.
 */
final class ParzenEstimator {
    private final double[][] centres;
    private final double[] logWeights;
    private final double[] bandwidth;
    private final int[] choices;        // 0 for numeric dimensions
    private final double categoricalSmoothing;
    /** -log(sigma) - log(mass in [0, 1]) per component and numeric dimension: erfc is too slow per call. */
    private final double[][] logNormaliser;
    private final int n;

    ParzenEstimator(SearchSpace space, double[][] points, double priorWeight, double bandwidthFactor) {
        this.n = points.length;
        int dims = space.dimension();
        this.centres = points;
        this.logWeights = new double[n + 1];
        double total = n + priorWeight;
        for (int i = 0; i < n; i++) {
            logWeights[i] = Math.log(1 / total);
        }
        logWeights[n] = Math.log(priorWeight / total);
        this.bandwidth = new double[dims];
        this.choices = new int[dims];
        // Scott's rule on each coordinate's spread among the points, so the kernels narrow as the
        // good group concentrates; floored by Optuna's "magic clip" (range / min(100, n + 1))
        double shrink = Math.pow(Math.max(n, 1), -1.0 / (dims + 4));
        double floor = 1.0 / Math.min(100, n + 1);
        for (int d = 0; d < dims; d++) {
            Parameter p = space.parameters().get(d);
            choices[d] = p instanceof CategoricalParameter ? p.cardinality() : 0;
            double cellFloor = p.cardinality() == Integer.MAX_VALUE ? 0 : 0.5 / p.cardinality();
            bandwidth[d] = Math.min(1.0, Math.max(Math.max(floor, cellFloor), bandwidthFactor * spread(points, d) * shrink));
        }
        this.categoricalSmoothing = priorWeight / Math.max(n, 1);
        this.logNormaliser = new double[n + 1][dims];
        for (int i = 0; i <= n; i++) {
            for (int d = 0; d < dims; d++) {
                double c = i == n ? 0.5 : centres[i][d];
                double sigma = i == n ? 1.0 : bandwidth[d];
                if (choices[d] == 0 && !Double.isNaN(c)) {
                    logNormaliser[i][d] = TruncatedNormal.logDensity(c, c, sigma) - Normal.logPdf(0);
                }
            }
        }
    }

    /** Standard deviation of coordinate d over the points where it is active; 0.5 when fewer than 2. */
    private static double spread(double[][] points, int d) {
        double sum = 0;
        double sq = 0;
        int k = 0;
        for (double[] x : points) {
            if (!Double.isNaN(x[d])) {
                sum += x[d];
                sq += x[d] * x[d];
                k++;
            }
        }
        if (k < 2) {
            return 0.5;
        }
        double mean = sum / k;
        return Math.sqrt(Math.max(0, sq / k - mean * mean));
    }

    /** A draw: pick a component by weight, then each coordinate from its kernel. */
    double[] sample(SplittableRandom random) {
        return sample(random, false);
    }

    /**
     * A draw; with {@code recombine}, each coordinate picks its own component, which proposes
     * new combinations of good coordinates (what univariate TPE does on separable objectives).
     */
    double[] sample(SplittableRandom random, boolean recombine) {
        int component = pickComponent(random);
        double[] x = new double[bandwidth.length];
        for (int d = 0; d < x.length; d++) {
            if (recombine) {
                component = pickComponent(random);
            }
            double c = component == n ? Double.NaN : centres[component][d];
            if (choices[d] > 0) {
                x[d] = (sampleChoice(c, choices[d], random) + 0.5) / choices[d];
            } else if (Double.isNaN(c)) {
                x[d] = component == n ? TruncatedNormal.sample(0.5, 1.0, random) : random.nextDouble();
            } else {
                x[d] = TruncatedNormal.sample(c, bandwidth[d], random);
            }
        }
        return x;
    }

    /** log density at {@code x}; NaN coordinates of {@code x} (inactive there) are left out. */
    double logDensity(double[] x) {
        double[] terms = new double[n + 1];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i <= n; i++) {
            double s = logWeights[i];
            for (int d = 0; d < x.length; d++) {
                if (!Double.isNaN(x[d])) {
                    s += logKernel(i, d, x[d]);
                }
            }
            terms[i] = s;
            max = Math.max(max, s);
        }
        double sum = 0;
        for (double t : terms) {
            sum += Math.exp(t - max);
        }
        return max + Math.log(sum);
    }

    private double logKernel(int component, int d, double xd) {
        double c = component == n ? Double.NaN : centres[component][d];
        if (choices[d] > 0) {
            int k = choices[d];
            if (Double.isNaN(c)) {
                return Math.log(1.0 / k);
            }
            int observed = cell(c, k);
            double p = ((cell(xd, k) == observed ? 1 : 0) + categoricalSmoothing) / (1 + k * categoricalSmoothing);
            return Math.log(p);
        }
        if (component == n) {
            return Normal.logPdf(xd - 0.5) + logNormaliser[n][d];
        }
        if (Double.isNaN(c)) {
            return 0;
        }
        return Normal.logPdf((xd - c) / bandwidth[d]) + logNormaliser[component][d];
    }

    private int pickComponent(SplittableRandom random) {
        double u = random.nextDouble();
        double acc = 0;
        for (int i = 0; i <= n; i++) {
            acc += Math.exp(logWeights[i]);
            if (u < acc) {
                return i;
            }
        }
        return n;
    }

    private int sampleChoice(double centre, int k, SplittableRandom random) {
        if (Double.isNaN(centre)) {
            return random.nextInt(k);
        }
        int observed = cell(centre, k);
        double pObserved = (1 + categoricalSmoothing) / (1 + k * categoricalSmoothing);
        if (random.nextDouble() < pObserved) {
            return observed;
        }
        int other = random.nextInt(k - 1 == 0 ? 1 : k - 1);
        return k == 1 ? 0 : (other >= observed ? other + 1 : other);
    }

    private static int cell(double u, int k) {
        return (int) Math.min(k - 1, Math.floor(u * k));
    }
}
