package io.mutune.transfer.recommend;

import io.mutune.transfer.rules.FitSpace;
import io.mutune.transfer.rules.RuleFit;
import io.mutune.transfer.rules.WeightedPowerLaw;
import java.util.List;
import java.util.Map;

/**
 * How sure a verdict is, as bootstrap support: the share of resampled sweeps that agree with it.
 * FITTED: the share whose exponents all have the fitted signs. TRANSFERS_AS_IS: the share in which
 * the full power law, exponents and all, predicts the target within a factor of sqrt(2) of the
 * constant (half a factor-2 grid step; 10 % of the value for a linear hyperparameter), so that
 * following the constant would not have cost more than that miss.
 */
final class VerdictConfidence {

    static final double LOG_TOLERANCE = 0.5 * Math.log(2);
    static final double LINEAR_TOLERANCE = 0.10;

    private VerdictConfidence() {
    }

    static Double of(Verdict verdict, RuleFit fit, RuleFit fullFit, Map<String, Double> target) {
        if (verdict == Verdict.FITTED) {
            return signSupport(fit);
        }
        if (verdict == Verdict.TRANSFERS_AS_IS) {
            return constantSupport(fit, fullFit, target);
        }
        return null;
    }

    /** The miss that matters for {@code fit}'s hyperparameter, in fit space. */
    static double tolerance(RuleFit fit) {
        if (fit.rule().fitSpace() == FitSpace.LOG) {
            return LOG_TOLERANCE;
        }
        return LINEAR_TOLERANCE * Math.abs(fit.rule().coefficients().get("c"));
    }

    private static Double signSupport(RuleFit fit) {
        List<double[]> samples = fit.samples();
        if (samples.isEmpty()) {
            return null;
        }
        int axes = fit.rule().axes().size();
        double[] point = new double[axes];
        for (int k = 0; k < axes; k++) {
            point[k] = fit.rule().coefficients().get("a_" + fit.rule().axes().get(k));
        }
        int agree = 0;
        for (double[] s : samples) {
            boolean same = true;
            for (int k = 0; k < axes; k++) {
                same &= Math.signum(s[k + 1]) == Math.signum(point[k]);
            }
            agree += same ? 1 : 0;
        }
        return (double) agree / samples.size();
    }

    private static Double constantSupport(RuleFit constant, RuleFit full, Map<String, Double> target) {
        if (constant.samples().isEmpty() || constant.samples().size() != full.samples().size()) {
            return null;
        }
        double[] row = WeightedPowerLaw.row(full.rule().axes(), target);
        boolean log = full.rule().fitSpace() == FitSpace.LOG;
        int agree = 0;
        for (int b = 0; b < full.samples().size(); b++) {
            double[] s = full.samples().get(b);
            double predicted = 0;
            for (int j = 0; j < row.length; j++) {
                predicted += s[j] * row[j];
            }
            double c = constant.samples().get(b)[0];
            double tolerance = log ? LOG_TOLERANCE : LINEAR_TOLERANCE * Math.abs(c);
            agree += Math.abs(predicted - c) <= tolerance ? 1 : 0;
        }
        return (double) agree / full.samples().size();
    }
}
