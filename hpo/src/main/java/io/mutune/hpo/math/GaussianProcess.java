package io.mutune.hpo.math;

/**
 * A zero-mean GP regression posterior with a Matérn-5/2 ARD kernel (Rasmussen and Williams 2006,
 * algorithm 2.1). Inputs live in the unit hypercube; outputs are expected standardised. Each point
 * may carry its own noise scale (1 / replicates for a mean over seeds).
 */
public final class GaussianProcess {
    private final double[][] x;
    private final double[] y;
    private final double[] noiseScale;
    private final GpHyperparameters hyper;
    private final double[] inverseLengthScales;
    private final Cholesky chol;
    private final double[] alpha;

    public GaussianProcess(double[][] x, double[] y, GpHyperparameters hyper) {
        this(x, y, unitNoise(x.length), hyper);
    }

    /** @param noiseScale per point, multiplies the noise variance (1 / replicates) */
    public GaussianProcess(double[][] x, double[] y, double[] noiseScale, GpHyperparameters hyper) {
        if (x.length != y.length || x.length == 0) {
            throw new IllegalArgumentException("GP needs as many outputs as inputs (> 0), got " + x.length + " and " + y.length);
        }
        this.x = x;
        this.y = y;
        this.noiseScale = checkedNoiseScale(noiseScale, x.length);
        this.hyper = hyper;
        this.inverseLengthScales = hyper.inverseLengthScales();
        this.chol = Cholesky.of(covariance(x, hyper, inverseLengthScales, this.noiseScale));
        this.alpha = chol.solve(y);
    }

    static double[] unitNoise(int n) {
        double[] s = new double[n];
        java.util.Arrays.fill(s, 1);
        return s;
    }

    static double[] checkedNoiseScale(double[] s, int n) {
        if (s.length != n) {
            throw new IllegalArgumentException("GP has " + n + " points but " + s.length + " noise scales");
        }
        for (double v : s) {
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("noise scales must be finite and > 0, got " + java.util.Arrays.toString(s));
            }
        }
        return s.clone();
    }

    static double[][] covariance(double[][] x, GpHyperparameters hyper, double[] inv, double[] noiseScale) {
        int n = x.length;
        double[][] k = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double v = hyper.signalVariance() * Matern52Kernel.ofR2(Matern52Kernel.r2(x[i], x[j], inv));
                k[i][j] = v;
                k[j][i] = v;
            }
            k[i][i] = hyper.signalVariance() + hyper.noiseVariance() * noiseScale[i];
        }
        return k;
    }

    /** Posterior mean and variance of the latent function (without noise) at {@code point}. */
    public double[] predict(double[] point) {
        int n = x.length;
        double[] ks = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            ks[i] = hyper.signalVariance() * Matern52Kernel.ofR2(Matern52Kernel.r2(point, x[i], inverseLengthScales));
            mean += ks[i] * alpha[i];
        }
        double[] v = chol.solveLower(ks);
        double var = hyper.signalVariance();
        for (double vi : v) {
            var -= vi * vi;
        }
        return new double[] {mean, Math.max(var, 1e-12 * hyper.signalVariance())};
    }

    /** This GP with extra points whose outputs are given (fantasies for pending evaluations). */
    public GaussianProcess withPoints(double[][] extraX, double[] extraY) {
        if (extraX.length == 0) {
            return this;
        }
        double[][] nx = new double[x.length + extraX.length][];
        double[] ny = new double[y.length + extraY.length];
        double[] ns = unitNoise(nx.length);
        System.arraycopy(noiseScale, 0, ns, 0, noiseScale.length);
        System.arraycopy(x, 0, nx, 0, x.length);
        System.arraycopy(extraX, 0, nx, x.length, extraX.length);
        System.arraycopy(y, 0, ny, 0, y.length);
        System.arraycopy(extraY, 0, ny, y.length, extraY.length);
        return new GaussianProcess(nx, ny, ns, hyper);
    }

    public GpHyperparameters hyperparameters() {
        return hyper;
    }

    public int size() {
        return x.length;
    }
}
