package io.mutune.transfer.rules;

import java.util.List;
import java.util.Map;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularMatrixException;

/**
 * Weighted least squares for {@code y = c + sum_k a_k log(axis_k)} over scale points, where y is a
 * hyperparameter's optimum in fit space. The design depends only on the scale points and the
 * weights, so the solution is a fixed linear map of y: the bootstrap reuses it for every resample.
 */
public final class WeightedPowerLaw {

    private final List<String> axes;
    private final double[] weights;
    private final double[][] design;
    private final RealMatrix solution; // (1 + axes) x points

    public WeightedPowerLaw(List<String> axes, List<Map<String, Double>> scales, double[] weights) {
        if (scales.size() != weights.length) {
            throw new IllegalArgumentException(scales.size() + " scale points but " + weights.length + " weights");
        }
        if (scales.size() < axes.size() + 1) {
            throw new IllegalArgumentException("a power law in " + axes + " needs at least " + (axes.size() + 1)
                    + " scale points, got " + scales.size());
        }
        this.axes = List.copyOf(axes);
        this.weights = weights.clone();
        this.design = new double[scales.size()][];
        double[][] weighted = new double[scales.size()][];
        for (int s = 0; s < scales.size(); s++) {
            if (!(weights[s] > 0) || Double.isInfinite(weights[s])) {
                throw new IllegalArgumentException("weight of scale point " + scales.get(s) + " is " + weights[s]);
            }
            design[s] = row(axes, scales.get(s));
            weighted[s] = design[s].clone();
            double sw = Math.sqrt(weights[s]);
            for (int j = 0; j < weighted[s].length; j++) {
                weighted[s][j] *= sw;
            }
        }
        try {
            RealMatrix inverse = new QRDecomposition(new Array2DRowRealMatrix(weighted, false), 1e-10)
                    .getSolver().getInverse(); // pseudo-inverse of sqrt(W) X
            RealMatrix sqrtW = new Array2DRowRealMatrix(scales.size(), scales.size());
            for (int s = 0; s < scales.size(); s++) {
                sqrtW.setEntry(s, s, Math.sqrt(weights[s]));
            }
            this.solution = inverse.multiply(sqrtW);
        } catch (SingularMatrixException e) {
            throw new IllegalArgumentException("scale points " + scales + " do not determine a power law in " + axes
                    + " (an axis does not vary, or two axes vary together)", e);
        }
    }

    /** {@code [1, log axis_1, ...]}; fails naming the axis a scale point lacks. */
    public static double[] row(List<String> axes, Map<String, Double> scale) {
        double[] r = new double[axes.size() + 1];
        r[0] = 1;
        for (int k = 0; k < axes.size(); k++) {
            Double v = scale.get(axes.get(k));
            if (v == null || !(v > 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("scale point " + scale + " needs a finite positive '" + axes.get(k)
                        + "' to evaluate a rule in " + axes + ", got " + v);
            }
            r[k + 1] = Math.log(v);
        }
        return r;
    }

    public List<String> axes() {
        return axes;
    }

    /** {@code [c, a_1, ...]} for the optima y (fit space), one per scale point. */
    public double[] coefficients(double[] y) {
        return solution.operate(y);
    }

    /** The law with coefficients {@code beta} at scale point {@code s}. */
    public double fitted(double[] beta, int s) {
        double f = 0;
        for (int j = 0; j < beta.length; j++) {
            f += beta[j] * design[s][j];
        }
        return f;
    }

    /** Weighted root-mean-square residual of y around the fitted law, in fit-space units. */
    public double rmsResidual(double[] y) {
        double[] beta = coefficients(y);
        double num = 0;
        double den = 0;
        for (int s = 0; s < y.length; s++) {
            double fitted = 0;
            for (int j = 0; j < beta.length; j++) {
                fitted += beta[j] * design[s][j];
            }
            num += weights[s] * (y[s] - fitted) * (y[s] - fitted);
            den += weights[s];
        }
        return Math.sqrt(num / den);
    }
}
