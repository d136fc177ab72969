package io.mutune.transfer.recommend;

import java.util.Locale;
import java.util.Objects;

/**
 * How recommendations are made.
 *
 * @param seed               seeds the bootstrap; same trials and seed give the same recommendation
 * @param bootstrapResamples resamples of the trials within each scale point (the Step Law uses 1000)
 * @param plateauTolerance   relative loss tolerance of the plateau band (the Step Law keeps runs within 0.25%)
 * @param parametrization    "mup", "sp", "depth-mup", "completep", "u-mup"...: under a muP family an
 *                           exponent whose interval contains 0 is dropped (transfers as is)
 */
public record RecommenderSettings(long seed, int bootstrapResamples, double plateauTolerance, String parametrization) {

    public static final int DEFAULT_RESAMPLES = 1000;
    public static final double DEFAULT_PLATEAU_TOLERANCE = 0.0025;
    /** Level of every interval: coefficients, predictions. */
    public static final double CONFIDENCE = 0.95;

    public RecommenderSettings {
        if (bootstrapResamples < 10) {
            throw new IllegalArgumentException("bootstrapResamples must be >= 10 for percentile intervals, got " + bootstrapResamples);
        }
        if (!(plateauTolerance >= 0 && plateauTolerance < 1)) {
            throw new IllegalArgumentException("plateauTolerance must be in [0, 1), got " + plateauTolerance);
        }
        Objects.requireNonNull(parametrization, "parametrization");
        if (parametrization.isBlank()) {
            throw new IllegalArgumentException("parametrization is blank; expected e.g. \"mup\" or \"sp\"");
        }
    }

    public static RecommenderSettings defaults(long seed, String parametrization) {
        return new RecommenderSettings(seed, DEFAULT_RESAMPLES, DEFAULT_PLATEAU_TOLERANCE, parametrization);
    }

    /** True for parametrizations built to make optima width-invariant: muP and its depth/unit variants. */
    public boolean muPFamily() {
        String p = parametrization.toLowerCase(Locale.ROOT).replace("_", "-");
        return p.equals("mup") || p.endsWith("-mup") || p.equals("completep") || p.equals("mutransfer");
    }
}
