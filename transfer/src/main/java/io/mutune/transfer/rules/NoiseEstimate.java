package io.mutune.transfer.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * How much one run's final loss varies between seeds near the optimum, pooled over the
 * configurations in the better half that were trained more than once (see {@link #nearTheOptimum}): {@code s^2 = sum (n_i - 1) s_i^2 / sum (n_i - 1)} on relative deviations
 * from each configuration's mean, so that configurations at different loss levels pool. The
 * interval is the chi-square interval of a pooled variance.
 *
 * @param relativeSd       one run's s.d. as a fraction of the mean loss (0.047 is 4.7 %); NaN when unmeasured
 * @param lower            lower end of its 95 % interval
 * @param upper            upper end
 * @param degreesOfFreedom {@code sum (n_i - 1)}: 0 means no configuration was repeated
 * @param configurations   configurations with two or more completed runs
 */
public record NoiseEstimate(double relativeSd, double lower, double upper, int degreesOfFreedom, int configurations) {

    /** Nothing was repeated: the noise is unknown. */
    public static final NoiseEstimate UNKNOWN = new NoiseEstimate(Double.NaN, Double.NaN, Double.NaN, 0, 0);

    public boolean known() {
        return degreesOfFreedom > 0 && Double.isFinite(relativeSd);
    }

    /** The estimate from completed, finite final-resource trials; repeats are trials with equal configurations. */
    public static NoiseEstimate of(List<TrialObservation> trials, double confidence) {
        long finalResource = trials.stream().filter(t -> !t.isDiverged())
                .mapToLong(TrialObservation::resource).max().orElse(-1);
        Map<Object, List<Double>> runs = new LinkedHashMap<>();
        for (TrialObservation t : trials) {
            if (!t.isDiverged() && t.resource() == finalResource) {
                runs.computeIfAbsent(t.config(), c -> new ArrayList<>()).add(t.metric());
            }
        }
        return fromGroups(nearTheOptimum(new ArrayList<>(runs.values())), confidence);
    }

    /**
     * The groups whose mean is in the better half of all configurations' means. Seed noise is not
     * the same everywhere: near the edge of stability a run's loss varies several times more than
     * near the optimum (the quickstart's MLP: 14 % pooled over all, 1-3 % for its best
     * configurations), and it is the noise near the optimum that decides where the optimum is.
     * With fewer than two repeated groups there, all repeated groups are used.
     */
    static List<List<Double>> nearTheOptimum(List<List<Double>> groups) {
        double[] means = groups.stream().mapToDouble(g -> g.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN))
                .filter(Double::isFinite).sorted().toArray();
        if (means.length == 0) {
            return groups;
        }
        double median = means[(means.length - 1) / 2];
        List<List<Double>> near = groups.stream()
                .filter(g -> g.size() > 1 && g.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN) <= median).toList();
        return near.size() >= 2 ? near : groups;
    }

    /** The estimate from groups of repeated runs (groups of one add nothing). */
    public static NoiseEstimate fromGroups(List<List<Double>> groups, double confidence) {
        double ss = 0;
        int df = 0;
        int configurations = 0;
        for (List<Double> g : groups) {
            if (g.size() < 2) {
                continue;
            }
            double mean = g.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            if (!(Math.abs(mean) > 0)) {
                continue;
            }
            for (double v : g) {
                double rel = v / mean - 1;
                ss += rel * rel;
            }
            df += g.size() - 1;
            configurations++;
        }
        if (df == 0) {
            return UNKNOWN;
        }
        return pooled(ss, df, configurations, confidence);
    }

    /** The estimate from a sum of squared relative deviations on {@code df} degrees of freedom, with its chi-square interval. */
    private static NoiseEstimate pooled(double ss, int df, int configurations, double confidence) {
        double var = ss / df;
        ChiSquaredDistribution chi = new ChiSquaredDistribution(df);
        double alpha = 1 - confidence;
        double lo = Math.sqrt(df * var / chi.inverseCumulativeProbability(1 - alpha / 2));
        double hi = Math.sqrt(df * var / chi.inverseCumulativeProbability(alpha / 2));
        return new NoiseEstimate(Math.sqrt(var), lo, hi, df, configurations);
    }

    /** Pools estimates of several scale points into one (their squared deviations add up). */
    public static NoiseEstimate pool(List<NoiseEstimate> parts, double confidence) {
        double ss = 0;
        int df = 0;
        int configurations = 0;
        for (NoiseEstimate p : parts) {
            if (p.known()) {
                ss += p.relativeSd * p.relativeSd * p.degreesOfFreedom;
                df += p.degreesOfFreedom;
                configurations += p.configurations;
            }
        }
        return df == 0 ? UNKNOWN : pooled(ss, df, configurations, confidence);
    }

    /** The standard error of a mean of {@code runs} runs at loss level {@code loss}; NaN when unknown. */
    public double standardError(double loss, int runs) {
        return known() ? relativeSd * Math.abs(loss) / Math.sqrt(Math.max(1, runs)) : Double.NaN;
    }
}
