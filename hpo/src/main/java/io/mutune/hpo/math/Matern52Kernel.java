package io.mutune.hpo.math;

/**
 * Matérn-5/2 kernel with one length scale per input dimension (ARD):
 * {@code k(x, y) = s2 (1 + sqrt5 r + 5/3 r^2) exp(-sqrt5 r)}, {@code r^2 = sum ((x_d - y_d) / l_d)^2}
 * (Rasmussen and Williams, "Gaussian Processes for Machine Learning", 2006, eq. 4.17).
 */
public final class Matern52Kernel {
    private static final double SQRT5 = Math.sqrt(5);

    private Matern52Kernel() { }

    /** The squared scaled distance r^2. */
    public static double r2(double[] x, double[] y, double[] inverseLengthScales) {
        double s = 0;
        for (int d = 0; d < x.length; d++) {
            double t = (x[d] - y[d]) * inverseLengthScales[d];
            s += t * t;
        }
        return s;
    }

    /** k as a function of r^2, with unit signal variance. */
    public static double ofR2(double r2) {
        double r = Math.sqrt(r2);
        return (1 + SQRT5 * r + 5.0 / 3.0 * r2) * Math.exp(-SQRT5 * r);
    }

    /**
     * dk/d(r^2) with unit variance: {@code -5/6 (1 + sqrt5 r) exp(-sqrt5 r)}, finite at r = 0,
     * which is what makes the length-scale gradients cheap.
     */
    public static double derivativeByR2(double r2) {
        double r = Math.sqrt(r2);
        return -5.0 / 6.0 * (1 + SQRT5 * r) * Math.exp(-SQRT5 * r);
    }
}
