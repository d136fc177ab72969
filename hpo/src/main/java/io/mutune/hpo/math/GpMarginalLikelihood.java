package io.mutune.hpo.math;

/**
 * Log marginal likelihood of a Matérn-5/2 ARD GP and its gradient in log-hyperparameter space
 * (Rasmussen and Williams 2006, eq. 5.8 and 5.9), plus a weak log-normal prior on the length
 * scales that keeps small-data fits away from degenerate (very short or very long) scales. Point i's
 * noise variance is the fitted noise times {@code noiseScale[i]}: an observation that is the mean of
 * n seed replicates is n times less noisy than a single run.
 */
public final class GpMarginalLikelihood {
    private static final double PRIOR_MEAN_LOG_LENGTH = Math.log(0.5);
    private static final double PRIOR_SD_LOG_LENGTH = 1.5;

    private final double[][] x;
    private final double[] y;
    private final double[] noiseScale;
    /** Squared coordinate differences of every pair i > j, flattened: computed once per fit, reused by every evaluation. */
    private final double[][] pairDiff2;

    public GpMarginalLikelihood(double[][] x, double[] y) {
        this(x, y, GaussianProcess.unitNoise(x.length));
    }

    /** @param noiseScale per point, multiplies the fitted noise variance (1 / replicates) */
    public GpMarginalLikelihood(double[][] x, double[] y, double[] noiseScale) {
        this.x = x;
        this.y = y;
        this.noiseScale = GaussianProcess.checkedNoiseScale(noiseScale, x.length);
        int n = x.length;
        this.pairDiff2 = new double[n * (n - 1) / 2][];
        int p = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double[] d2 = new double[x[i].length];
                for (int d = 0; d < d2.length; d++) {
                    double diff = x[i][d] - x[j][d];
                    d2[d] = diff * diff;
                }
                pairDiff2[p++] = d2;
            }
        }
    }

    private double[][] covariance(GpHyperparameters h, double[] inv2, double[] r2Out) {
        int n = x.length;
        double[][] k = new double[n][n];
        int p = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double[] d2 = pairDiff2[p];
                double r2 = 0;
                for (int d = 0; d < d2.length; d++) {
                    r2 += d2[d] * inv2[d];
                }
                r2Out[p++] = r2;
                double v = h.signalVariance() * Matern52Kernel.ofR2(r2);
                k[i][j] = v;
                k[j][i] = v;
            }
            k[i][i] = h.signalVariance() + h.noiseVariance() * noiseScale[i];
        }
        return k;
    }

    /** The value at log parameters {@code t}; -Infinity when the covariance cannot be factorised. */
    public double value(double[] t) {
        return evaluate(t, null);
    }

    /** The value, writing the gradient into {@code gradient} (same length as {@code t}). */
    public double valueAndGradient(double[] t, double[] gradient) {
        return evaluate(t, gradient);
    }

    private double evaluate(double[] t, double[] gradient) {
        GpHyperparameters h = GpHyperparameters.fromLog(t);
        double[] inv = h.inverseLengthScales();
        int n = x.length;
        int dims = inv.length;
        double[] inv2 = new double[dims];
        for (int d = 0; d < dims; d++) {
            inv2[d] = inv[d] * inv[d];
        }
        double[] r2s = new double[pairDiff2.length];
        double[][] k = covariance(h, inv2, r2s);
        Cholesky chol;
        try {
            chol = Cholesky.of(k);
        } catch (IllegalArgumentException e) {
            return Double.NEGATIVE_INFINITY;
        }
        double[] alpha = chol.solve(y);
        double fit = 0;
        for (int i = 0; i < n; i++) {
            fit += y[i] * alpha[i];
        }
        double value = -0.5 * fit - 0.5 * chol.logDet() - 0.5 * n * Math.log(2 * Math.PI);
        for (int d = 0; d < dims; d++) {
            double z = (t[d] - PRIOR_MEAN_LOG_LENGTH) / PRIOR_SD_LOG_LENGTH;
            value -= 0.5 * z * z;
        }
        if (gradient == null) {
            return value;
        }
        double[][] kinv = chol.inverse();
        java.util.Arrays.fill(gradient, 0);
        double s2 = h.signalVariance();
        int p = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double w = alpha[i] * alpha[j] - kinv[i][j];
                double r2 = r2s[p];
                double[] d2 = pairDiff2[p++];
                double kij = k[i][j];
                double dk = s2 * Matern52Kernel.derivativeByR2(r2);
                // off-diagonal pairs count twice in the trace
                gradient[dims] += w * kij;
                double wdk = -2 * w * dk;
                for (int d = 0; d < dims; d++) {
                    gradient[d] += wdk * d2[d] * inv2[d];
                }
            }
            double wii = alpha[i] * alpha[i] - kinv[i][i];
            gradient[dims] += 0.5 * wii * s2;
            gradient[dims + 1] += 0.5 * wii * h.noiseVariance() * noiseScale[i];
        }
        for (int d = 0; d < dims; d++) {
            gradient[d] -= (t[d] - PRIOR_MEAN_LOG_LENGTH) / (PRIOR_SD_LOG_LENGTH * PRIOR_SD_LOG_LENGTH);
        }
        return value;
    }
}
