package io.mutune.hpo.tuner;

import java.util.ArrayList;
import java.util.List;

/**
 * A trial's runs at the maximum resource: its own (replicate 0) and those of its extra seeds that
 * have ended. The mean is what searchers and the pick see; a configuration any of whose runs
 * diverged counts as diverged, since a launcher would meet that seed too.
 *
 * @param metrics  the completed runs' metrics, replicate 0 first
 * @param diverged whether any run diverged
 * @param pending  replicates handed out and not ended yet
 */
public record FinalRuns(List<Double> metrics, boolean diverged, int pending) {

    public FinalRuns {
        metrics = List.copyOf(metrics);
    }

    /** The runs of {@code t} at {@code maxResource}; empty metrics when its own run did not get there. */
    public static FinalRuns of(TrialState t, long maxResource) {
        return of(t, maxResource, Integer.MAX_VALUE);
    }

    /** As {@link #of(TrialState, long)}, counting only replicates below {@code replicateLimit}. */
    static FinalRuns of(TrialState t, long maxResource, int replicateLimit) {
        List<Double> metrics = new ArrayList<>();
        boolean diverged = false;
        int pending = 0;
        if (!t.reached(maxResource)) {
            return new FinalRuns(metrics, t.status() == TrialStatus.DIVERGED, 0);
        }
        metrics.add(t.metricAt(maxResource));
        for (ReplicateRun r : t.replicates().values()) {
            if (r.replicate() >= replicateLimit) {
                continue;
            }
            switch (r.status()) {
                case COMPLETED -> metrics.add(r.result().metric());
                case DIVERGED -> diverged = true;
                case FAILED -> { } // a failed run says nothing about the configuration
                default -> pending++;
            }
        }
        return new FinalRuns(metrics, diverged, pending);
    }

    public int count() {
        return metrics.size();
    }

    /** The mean metric, NaN when no run completed. */
    public double mean() {
        return metrics.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /** The sample standard deviation, NaN with fewer than two runs. */
    public double sd() {
        if (metrics.size() < 2) {
            return Double.NaN;
        }
        double m = mean();
        double ss = 0;
        for (double v : metrics) {
            ss += (v - m) * (v - m);
        }
        return Math.sqrt(ss / (metrics.size() - 1));
    }

    /** Whether the runs can be ranked: at least one completed, none diverged. */
    public boolean usable() {
        return !diverged && !metrics.isEmpty();
    }
}
