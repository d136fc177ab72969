package io.mutune.transfer.recommend;

import io.mutune.transfer.rules.LackOfFit;
import io.mutune.transfer.rules.RuleFit;
import java.util.List;
import java.util.Locale;

/** The sentence that says why a verdict is what it is, in terms a user can act on. */
final class VerdictReasons {

    private VerdictReasons() {
    }

    static String of(Verdict verdict, RuleFit fit, RuleFit fullFit) {
        String exponents = exponents(verdict == Verdict.TRANSFERS_AS_IS ? fullFit : fit);
        String scatter = scatterNote(fit.lackOfFit());
        return switch (verdict) {
            case TRANSFERS_AS_IS -> "every exponent's 95% interval contains 0 (" + exponents + "); " + scatter;
            case FITTED -> "fitted exponents " + exponents + "; " + scatter;
            case INSUFFICIENT -> "insufficient";
            case FIXED -> "fixed in the spec";
        };
    }

    /**
     * A constant the spec asked for ({@code rules: {hp: constant}}): it transfers as is by choice,
     * and the exponents a free power law would have fitted say whether the optima agree.
     */
    static String constantBySpec(RuleFit constant, RuleFit free) {
        String scatter = scatterNote(constant.lackOfFit());
        if (free == constant) {
            return "a constant, as the spec's rules: section asks; " + scatter;
        }
        return "a constant, as the spec's rules: section asks (a free power law would fit " + exponents(free) + "); " + scatter;
    }

    static String scatter(RuleFit fit) {
        LackOfFit l = fit.lackOfFit();
        return String.format(Locale.ROOT, "optima scatter beyond their noise (chi2 = %.1f on %d df, p = %.3g); add trials or replicates",
                l.chiSquare(), l.degreesOfFreedom(), l.pValue());
    }

    private static String scatterNote(LackOfFit l) {
        if (l.degreesOfFreedom() < 1) {
            return "no spare scale point to test the optima's scatter against their noise";
        }
        return String.format(Locale.ROOT, "the optima agree with the rule within their noise (lack of fit p = %.2f)", l.pValue());
    }

    private static String exponents(RuleFit fit) {
        List<String> axes = fit.rule().axes();
        StringBuilder b = new StringBuilder();
        for (String a : axes) {
            double[] ci = fit.rule().intervals().get("a_" + a);
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(String.format(Locale.ROOT, "a_%s = %.3g [%.3g, %.3g]", a, fit.rule().coefficients().get("a_" + a), ci[0], ci[1]));
        }
        return b.length() == 0 ? "none" : b.toString();
    }
}
