package io.mutune.transfer.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Bootstrap of the per-scale optima: resample the trials of each scale point with replacement
 * (scale points are never mixed) and re-estimate the optimum, as the Step Law's fit tool does
 * with its 1000 resamples. Each replicate is one row; NaN where a resample left no completed trial.
 */
public final class BootstrapOptima {

    private BootstrapOptima() {
    }

    /** {@code [replicate][scale point]} optima in fit space. */
    public static double[][] replicate(List<Map<String, Double>> scales, List<List<TrialObservation>> trialsByScale,
                                       String hyperparameter, FitSpace space, OptimumEstimator estimator,
                                       int resamples, SplittableRandom random) {
        if (resamples < 1) {
            throw new IllegalArgumentException("bootstrap resamples must be >= 1, got " + resamples);
        }
        double[][] out = new double[resamples][scales.size()];
        for (int s = 0; s < scales.size(); s++) {
            List<TrialObservation> trials = trialsByScale.get(s);
            // One stream per scale point, so adding a scale point does not reshuffle the others.
            SplittableRandom r = random.split();
            for (int b = 0; b < resamples; b++) {
                List<TrialObservation> sample = new ArrayList<>(trials.size());
                for (int i = 0; i < trials.size(); i++) {
                    sample.add(trials.get(r.nextInt(trials.size())));
                }
                out[b][s] = estimator.estimate(scales.get(s), hyperparameter, space, sample)
                        .map(ScaleOptimum::fitValue).orElse(Double.NaN);
            }
        }
        return out;
    }
}
