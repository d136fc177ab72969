package io.mutune.hpo.math;

import org.apache.commons.math3.special.Erf;

/** Standard normal density and distribution functions, with the logs the acquisition needs. */
public final class Normal {
    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
    private static final double SQRT2 = Math.sqrt(2);

    private Normal() { }

    public static double pdf(double z) {
        return Math.exp(logPdf(z));
    }

    public static double logPdf(double z) {
        return -0.5 * z * z - LOG_SQRT_2PI;
    }

    /** Phi(z), accurate in the lower tail (erfc, not 1 - erf). */
    public static double cdf(double z) {
        return 0.5 * Erf.erfc(-z / SQRT2);
    }
}
