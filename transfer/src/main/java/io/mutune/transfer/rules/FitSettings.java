package io.mutune.transfer.rules;

import java.util.SplittableRandom;

/**
 * How the derived rules (timescale, batch size, warmup fraction) estimate and fit: the optimum
 * estimator, bootstrap resamples of the trials within each scale point, the intervals' level and
 * the random stream of the bootstrap.
 */
public record FitSettings(OptimumEstimator estimator, int resamples, double confidence, SplittableRandom random) {

    public FitSettings {
        if (resamples < 10) {
            throw new IllegalArgumentException("bootstrap resamples must be >= 10 for percentile intervals, got " + resamples);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
        }
    }
}
