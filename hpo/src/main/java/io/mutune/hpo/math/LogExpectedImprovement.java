package io.mutune.hpo.math;

/**
 * log EI for minimisation, computed without underflow far from the incumbent, so that an
 * optimiser still sees a slope where plain EI is 0 (Ament et al., "Unexpected Improvements to
 * Expected Improvement for Bayesian Optimization", NeurIPS 2023).
 */
public final class LogExpectedImprovement {
    private static final double ASYMPTOTIC_FROM = 8;

    private LogExpectedImprovement() { }

    /**
     * log E[max(best - f, 0)] for f ~ N(mean, sd^2).
     *
     * @param best the incumbent (lowest) value
     */
    public static double value(double mean, double sd, double best) {
        if (!(sd > 0)) {
            return best > mean ? Math.log(best - mean) : Double.NEGATIVE_INFINITY;
        }
        double z = (best - mean) / sd;
        return logH(z) + Math.log(sd);
    }

    /** log(z Phi(z) + phi(z)), the EI of a unit normal at standardised improvement z. */
    static double logH(double z) {
        if (z > -1) {
            return Math.log(z * Normal.cdf(z) + Normal.pdf(z));
        }
        double t = -z;
        if (t < ASYMPTOTIC_FROM) {
            // h(z) = phi(z) (1 - t Phi(-t)/phi(t)); the bracket is small but well conditioned here
            double millsTimesT = t * Normal.cdf(z) / Normal.pdf(z);
            return Normal.logPdf(z) + Math.log1p(-millsTimesT);
        }
        // asymptotic series 1 - t R(t) = sum_{n>=1} (-1)^(n+1) (2n-1)!! / t^(2n), R the Mills ratio;
        // past t = 8 its first terms beat erfc, whose tail loses relative accuracy
        double t2 = t * t;
        double term = 1 / t2;
        double sum = 0;
        for (int n = 1; n <= 8; n++) {
            sum += term;
            term *= -(2 * n + 1) / t2;
        }
        return Normal.logPdf(z) + Math.log(sum);
    }
}
