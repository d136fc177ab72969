package io.mutune.transfer.rules;

import io.mutune.hpo.space.Configuration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Bootstrap of the per-scale optima, as the Step Law's fit tool resamples its sweeps 1000 times
 * (scale points are never mixed): the seed replicates of each configuration are redrawn where the
 * seed noise is measured, the trials resampled where it is not (see {@link #resample}). Each
 * replicate is one row; NaN where a resample left no completed trial.
 */
public final class BootstrapOptima {

    private BootstrapOptima() {
    }

    /** {@code [replicate][scale point]} optima in fit space; noise unknown everywhere. */
    public static double[][] replicate(List<Map<String, Double>> scales, List<List<TrialObservation>> trialsByScale,
                                       String hyperparameter, FitSpace space, OptimumEstimator estimator,
                                       int resamples, SplittableRandom random) {
        List<NoiseEstimate> unknown = scales.stream().map(s -> NoiseEstimate.UNKNOWN).toList();
        return replicate(scales, trialsByScale, unknown, hyperparameter, space, estimator, resamples, random);
    }

    /**
     * @param noise the seed noise of each scale point (same order), used for single-run configurations
     */
    public static double[][] replicate(List<Map<String, Double>> scales, List<List<TrialObservation>> trialsByScale,
                                       List<NoiseEstimate> noise, String hyperparameter, FitSpace space,
                                       OptimumEstimator estimator, int resamples, SplittableRandom random) {
        if (resamples < 1) {
            throw new IllegalArgumentException("bootstrap resamples must be >= 1, got " + resamples);
        }
        double[][] out = new double[resamples][scales.size()];
        for (int s = 0; s < scales.size(); s++) {
            List<List<TrialObservation>> groups = byConfiguration(trialsByScale.get(s));
            // One stream per scale point, so adding a scale point does not reshuffle the others.
            SplittableRandom r = random.split();
            for (int b = 0; b < resamples; b++) {
                List<TrialObservation> sample = resample(groups, noise.get(s), r);
                LossProfile profile = LossProfile.of(sample, hyperparameter, space);
                out[b][s] = estimator.estimate(scales.get(s), hyperparameter, space, profile, noise.get(s))
                        .map(ScaleOptimum::fitValue).orElse(Double.NaN);
            }
        }
        return out;
    }

    /**
     * One resample of a scale point. With the seed noise measured, the design stays (every
     * configuration keeps its place, as a grid sweep would rerun it) and only the runs are redrawn:
     * resampled with replacement where a configuration has three or more, drawn from the measured
     * noise around its mean where it has fewer (resampling two runs would understate their spread).
     * With the noise unknown, the trials themselves are resampled with replacement, the only
     * spread there is to go on.
     */
    static List<TrialObservation> resample(List<List<TrialObservation>> groups, NoiseEstimate noise, SplittableRandom r) {
        List<TrialObservation> sample = new ArrayList<>();
        if (!noise.known()) {
            List<TrialObservation> all = groups.stream().flatMap(List::stream).toList();
            for (int i = 0; i < all.size(); i++) {
                sample.add(all.get(r.nextInt(all.size())));
            }
            return sample;
        }
        long finalResource = groups.stream().flatMap(List::stream).filter(t -> !t.isDiverged())
                .mapToLong(TrialObservation::resource).max().orElse(-1);
        for (List<TrialObservation> g : groups) {
            List<TrialObservation> runs = g.stream().filter(t -> !t.isDiverged() && t.resource() == finalResource).toList();
            g.stream().filter(t -> t.isDiverged() || t.resource() != finalResource).forEach(sample::add);
            if (runs.size() >= 3) {
                for (int k = 0; k < runs.size(); k++) {
                    sample.add(runs.get(r.nextInt(runs.size())));
                }
            } else if (!runs.isEmpty()) {
                double mean = runs.stream().mapToDouble(TrialObservation::metric).average().orElseThrow();
                for (TrialObservation run : runs) {
                    double metric = mean * (1 + noise.relativeSd() * r.nextGaussian());
                    sample.add(new TrialObservation(run.trialId(), run.scale(), run.config(), run.resource(), metric, false));
                }
            }
        }
        return sample;
    }

    static List<List<TrialObservation>> byConfiguration(List<TrialObservation> trials) {
        Map<Configuration, List<TrialObservation>> groups = new LinkedHashMap<>();
        for (TrialObservation t : trials) {
            groups.computeIfAbsent(t.config(), c -> new ArrayList<>()).add(t);
        }
        return new ArrayList<>(groups.values());
    }
}
