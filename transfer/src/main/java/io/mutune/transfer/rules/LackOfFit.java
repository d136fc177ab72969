package io.mutune.transfer.rules;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * The lack-of-fit test of a rule: {@code chi2 = sum_s (y_s - fitted_s)^2 / var_s} over the
 * per-scale optima, on {@code points - coefficients} degrees of freedom. A small p-value says the
 * optima scatter more than their intervals allow: either the rule's form is wrong or the optima
 * are not what the sweep says they are (too few trials, too few replicates), so the rule must not
 * be published as if it held.
 *
 * @param chiSquare        the statistic
 * @param degreesOfFreedom points minus coefficients; 0 leaves nothing to test
 * @param pValue           {@code P(chi2_df >= chiSquare)}; NaN when there are no degrees of freedom
 */
public record LackOfFit(double chiSquare, int degreesOfFreedom, double pValue) {

    /** The level below which the scatter counts as beyond noise. */
    public static final double LEVEL = 0.05;

    public static LackOfFit of(WeightedPowerLaw law, double[] y, double[] inverseVariances) {
        double[] beta = law.coefficients(y);
        double chi2 = 0;
        for (int s = 0; s < y.length; s++) {
            double r = y[s] - law.fitted(beta, s);
            chi2 += r * r * inverseVariances[s];
        }
        int df = y.length - beta.length;
        double p = df < 1 ? Double.NaN : 1 - new ChiSquaredDistribution(df).cumulativeProbability(chi2);
        return new LackOfFit(chi2, df, p);
    }

    /** True when the test could run and rejected the rule. */
    public boolean rejects() {
        return degreesOfFreedom > 0 && pValue < LEVEL;
    }
}
