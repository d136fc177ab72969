package io.mutune.hpo.math;

import java.util.SplittableRandom;

/**
 * Fits GP hyperparameters by maximising the marginal likelihood: projected gradient ascent with
 * backtracking in log space, from a default start and several random restarts; the best wins.
 */
public final class GpHyperparameterFit {
    /** Bounds in log space: length scales, signal variance (standardised outputs), noise. */
    private static final double LOG_LENGTH_MIN = Math.log(0.01);
    private static final double LOG_LENGTH_MAX = Math.log(20);
    private static final double LOG_SIGNAL_MIN = Math.log(0.05);
    private static final double LOG_SIGNAL_MAX = Math.log(20);
    private static final double LOG_NOISE_MIN = Math.log(1e-6);
    private static final double LOG_NOISE_MAX = Math.log(0.5);

    private final int restarts;
    private final int iterations;

    /**
     * @param restarts   random starts besides the default one
     * @param iterations gradient steps per start
     */
    public GpHyperparameterFit(int restarts, int iterations) {
        if (restarts < 0 || iterations < 1) {
            throw new IllegalArgumentException("need restarts >= 0 and iterations >= 1, got " + restarts + ", " + iterations);
        }
        this.restarts = restarts;
        this.iterations = iterations;
    }

    public GpHyperparameters fit(double[][] x, double[] y, SplittableRandom random) {
        return fit(x, y, GaussianProcess.unitNoise(x.length), random);
    }

    /** @param noiseScale per point, multiplies the fitted noise variance (1 / replicates) */
    public GpHyperparameters fit(double[][] x, double[] y, double[] noiseScale, SplittableRandom random) {
        int dims = x[0].length;
        GpMarginalLikelihood mll = new GpMarginalLikelihood(x, y, noiseScale);
        double[] best = null;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int start = 0; start <= restarts; start++) {
            double[] t = new double[dims + 2];
            for (int d = 0; d < dims; d++) {
                t[d] = start == 0 ? Math.log(0.5) : Math.log(0.1) + random.nextDouble() * Math.log(30);
            }
            t[dims] = start == 0 ? 0 : random.nextDouble() * 2 - 1;
            t[dims + 1] = start == 0 ? Math.log(1e-3) : Math.log(1e-5) + random.nextDouble() * Math.log(1e3);
            clamp(t);
            double v = ascend(mll, t);
            if (v > bestValue) {
                bestValue = v;
                best = t;
            }
        }
        if (best == null) {
            double[] t = new double[dims + 2];
            java.util.Arrays.fill(t, Math.log(0.5));
            t[dims] = 0;
            t[dims + 1] = Math.log(1e-2);
            best = t;
        }
        return GpHyperparameters.fromLog(best);
    }

    private double ascend(GpMarginalLikelihood mll, double[] t) {
        double[] g = new double[t.length];
        double value = mll.valueAndGradient(t, g);
        if (!Double.isFinite(value)) {
            return value;
        }
        double step = 0.1;
        for (int it = 0; it < iterations; it++) {
            double norm = 0;
            for (double gi : g) {
                norm += gi * gi;
            }
            norm = Math.sqrt(norm);
            if (norm < 1e-6) {
                break;
            }
            boolean moved = false;
            for (int tries = 0; tries < 5 && !moved; tries++) {
                double[] cand = t.clone();
                for (int i = 0; i < t.length; i++) {
                    cand[i] += step * g[i] / norm;
                }
                clamp(cand);
                double cv = mll.value(cand);
                if (cv > value) {
                    System.arraycopy(cand, 0, t, 0, t.length);
                    value = mll.valueAndGradient(t, g);
                    step *= 1.6;
                    moved = true;
                } else {
                    step *= 0.3;
                }
            }
            if (!moved || step < 1e-5) {
                break;
            }
        }
        return value;
    }

    private static void clamp(double[] t) {
        int dims = t.length - 2;
        for (int d = 0; d < dims; d++) {
            t[d] = Math.min(LOG_LENGTH_MAX, Math.max(LOG_LENGTH_MIN, t[d]));
        }
        t[dims] = Math.min(LOG_SIGNAL_MAX, Math.max(LOG_SIGNAL_MIN, t[dims]));
        t[dims + 1] = Math.min(LOG_NOISE_MAX, Math.max(LOG_NOISE_MIN, t[dims + 1]));
    }
}
