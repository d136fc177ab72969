package io.mutune.transfer.rules;

import java.util.List;

/**
 * Least-squares parabola {@code loss = b0 + b1 (x - m) + b2 (x - m)^2} through the best point of a
 * profile and up to {@code k} finite neighbours on each side; its vertex is the optimum estimate.
 * Fitting a parabola in log(hp) rather than taking the argmin gives an estimate between grid
 * points, which is what lets a power law be fitted to sweeps on coarse grids (as in Tensor
 * Programs V's and the Step Law's LR sweeps).
 */
public final class LocalQuadratic {

    /**
     * The vertex in fit space and the fitted loss there (which, unlike the best grid point, does not
     * depend on how close the grid came to the optimum), or NaN with the reason the fit was ill-posed.
     */
    public record Result(double vertex, double curvature, double minimum, String reason) {
        public boolean ok() {
            return reason == null;
        }
    }

    private LocalQuadratic() {
    }

    /**
     * Neighbours per side: 1 on a coarse grid, more when there are many points (random search).
     * Loss against log(lr) is asymmetric (steep towards divergence, flat towards small rates), so
     * a parabola through five points of a factor-2 grid leans towards the flat side: on the DJL MLP
     * proxies it put the vertex below the two best grid values. Three points keep the vertex between
     * the best value's neighbours; the bootstrap carries the extra noise into the intervals.
     */
    public static int neighboursFor(int finitePoints) {
        return Math.max(1, finitePoints / 8);
    }

    public static Result fit(List<ProfilePoint> points, int argmin, int k) {
        double[] equal = new double[points.size()];
        java.util.Arrays.fill(equal, 1);
        return fit(points, argmin, k, equal);
    }

    /**
     * As {@link #fit(List, int, int)}, each point weighted (1 / the variance of its mean loss, so a
     * mean over several seeds counts for more than one run).
     */
    public static Result fit(List<ProfilePoint> points, int argmin, int k, double[] weights) {
        if (weights.length != points.size()) {
            throw new IllegalArgumentException(points.size() + " profile points but " + weights.length + " weights");
        }
        if (argmin < 0 || argmin >= points.size() || points.get(argmin).diverged()) {
            throw new IllegalArgumentException("argmin " + argmin + " is not a finite point of a profile of " + points.size());
        }
        int lo = argmin;
        while (lo > 0 && argmin - lo < k && !points.get(lo - 1).diverged()) {
            lo--;
        }
        int hi = argmin;
        while (hi + 1 < points.size() && hi - argmin < k && !points.get(hi + 1).diverged()) {
            hi++;
        }
        if (lo == argmin) {
            return fail(argmin == 0 ? "no value searched below the best" : "next lower value diverged");
        }
        if (hi == argmin) {
            return fail(argmin == points.size() - 1 ? "no value searched above the best" : "next higher value diverged");
        }
        double m = points.get(argmin).x();
        // Normal equations of the 3-parameter fit, centred at the best value for conditioning.
        double[][] a = new double[3][3];
        double[] r = new double[3];
        for (int i = lo; i <= hi; i++) {
            double d = points.get(i).x() - m;
            double[] f = {1, d, d * d};
            for (int p = 0; p < 3; p++) {
                r[p] += weights[i] * f[p] * points.get(i).loss();
                for (int q = 0; q < 3; q++) {
                    a[p][q] += weights[i] * f[p] * f[q];
                }
            }
        }
        double[] b = solve3(a, r);
        if (b == null) {
            return fail("quadratic fit is singular");
        }
        if (!(b[2] > 0)) {
            return fail("local quadratic has no minimum (curvature " + b[2] + ")");
        }
        double vertex = m - b[1] / (2 * b[2]);
        if (vertex < points.get(lo).x() || vertex > points.get(hi).x()) {
            return fail("vertex " + vertex + " lies outside the fitted window");
        }
        return new Result(vertex, b[2], b[0] - b[1] * b[1] / (4 * b[2]), null);
    }

    private static Result fail(String reason) {
        return new Result(Double.NaN, Double.NaN, Double.NaN, reason);
    }

    /** Cramer's rule; null when the system is (numerically) singular. */
    private static double[] solve3(double[][] a, double[] r) {
        double det = det3(a);
        double scale = Math.abs(a[0][0] * a[1][1] * a[2][2]);
        if (det == 0 || Math.abs(det) < 1e-12 * scale) {
            return null;
        }
        double[] x = new double[3];
        for (int c = 0; c < 3; c++) {
            double[][] m = {a[0].clone(), a[1].clone(), a[2].clone()};
            for (int row = 0; row < 3; row++) {
                m[row][c] = r[row];
            }
            x[c] = det3(m) / det;
        }
        return x;
    }

    private static double det3(double[][] m) {
        return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
                - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    }
}
