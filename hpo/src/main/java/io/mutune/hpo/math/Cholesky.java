package io.mutune.hpo.math;

/**
 * Cholesky factor of a symmetric positive definite matrix, with the solves a Gaussian process
 * needs. Adds jitter on the diagonal when the matrix is numerically singular (duplicate points).
 */
public final class Cholesky {
    private final double[][] l;
    private final int n;

    private Cholesky(double[][] l) {
        this.l = l;
        this.n = l.length;
    }

    /** Factorises {@code a} (only its lower triangle is read), retrying with growing jitter. */
    public static Cholesky of(double[][] a) {
        double jitter = 0;
        double scale = 0;
        for (int i = 0; i < a.length; i++) {
            scale = Math.max(scale, Math.abs(a[i][i]));
        }
        for (int attempt = 0; attempt < 8; attempt++) {
            double[][] l = tryFactor(a, jitter);
            if (l != null) {
                return new Cholesky(l);
            }
            jitter = jitter == 0 ? 1e-10 * Math.max(scale, 1e-12) : jitter * 100;
        }
        throw new IllegalArgumentException("matrix of size " + a.length + " is not positive definite even with jitter " + jitter);
    }

    private static double[][] tryFactor(double[][] a, double jitter) {
        int n = a.length;
        double[][] l = new double[n][];
        for (int i = 0; i < n; i++) {
            l[i] = new double[i + 1];
            double[] li = l[i];
            for (int j = 0; j <= i; j++) {
                double[] lj = l[j];
                double s = a[i][j] + (i == j ? jitter : 0);
                for (int k = 0; k < j; k++) {
                    s -= li[k] * lj[k];
                }
                if (i == j) {
                    if (!(s > 0)) {
                        return null;
                    }
                    li[i] = Math.sqrt(s);
                } else {
                    li[j] = s / lj[j];
                }
            }
        }
        return l;
    }

    public int size() {
        return n;
    }

    /** Solves L x = b. */
    public double[] solveLower(double[] b) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double[] li = l[i];
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= li[k] * x[k];
            }
            x[i] = s / li[i];
        }
        return x;
    }

    /** Solves L^T x = b. */
    public double[] solveUpper(double[] b) {
        double[] x = b.clone();
        for (int i = n - 1; i >= 0; i--) {
            x[i] /= l[i][i];
            double xi = x[i];
            double[] li = l[i];
            for (int k = 0; k < i; k++) {
                x[k] -= li[k] * xi;
            }
        }
        return x;
    }

    /** Solves A x = b. */
    public double[] solve(double[] b) {
        return solveUpper(solveLower(b));
    }

    /** log det A. */
    public double logDet() {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += Math.log(l[i][i]);
        }
        return 2 * s;
    }

    /** A^{-1}, full symmetric: L^{-1} by forward substitution, then L^{-T} L^{-1} (n^3/3 flops, not n^3). */
    public double[][] inverse() {
        double[][] linv = new double[n][];
        for (int i = 0; i < n; i++) {
            linv[i] = new double[i + 1];
        }
        for (int j = 0; j < n; j++) {
            linv[j][j] = 1 / l[j][j];
            for (int i = j + 1; i < n; i++) {
                double[] li = l[i];
                double s = 0;
                for (int k = j; k < i; k++) {
                    s -= li[k] * linv[k][j];
                }
                linv[i][j] = s / li[i];
            }
        }
        double[][] inv = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int k = i; k < n; k++) {
                    s += linv[k][i] * linv[k][j];
                }
                inv[i][j] = s;
                inv[j][i] = s;
            }
        }
        return inv;
    }
}
