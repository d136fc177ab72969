package io.mutune.jobs.ml;

import io.mutune.hpo.tuner.Assignment;
import io.mutune.hpo.tuner.Decision;
import io.mutune.hpo.tuner.Scheduler;
import io.mutune.hpo.tuner.TrialState;
import io.mutune.hpo.tuner.TrialStatus;
import io.mutune.hpo.tuner.TrialTable;
import io.mutune.hpo.tuner.TunerSettings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Asynchronous successive halving (Li et al., 2020, "A System for Massively Parallel
 * Hyperparameter Tuning", Algorithm 2): rungs at {@code min * eta^k}; whenever a worker is free,
 * promote a paused trial in the top 1/eta of its rung, else start a new trial at the lowest rung.
 *
 * <p>Here because the hpo module on this branch has no ASHA yet; the tuner takes any
 * {@link Scheduler}, so the hpo one replaces this class when it lands.
 */
final class AshaScheduler implements Scheduler {
    private final long minResource;
    private final double eta;

    AshaScheduler(long minResource, double eta) {
        if (minResource < 1) {
            throw new IllegalArgumentException("minResource must be >= 1, got " + minResource);
        }
        if (!(eta > 1)) {
            throw new IllegalArgumentException("eta must be > 1, got " + eta);
        }
        this.minResource = minResource;
        this.eta = eta;
    }

    List<Long> rungs(long maxResource) {
        List<Long> r = new ArrayList<>();
        for (double v = minResource; v < maxResource; v *= eta) {
            r.add(Math.round(v));
        }
        r.add(maxResource);
        return r;
    }

    @Override
    public Assignment next(TrialTable trials, TunerSettings settings, boolean mayStart, SplittableRandom random) {
        List<Long> rungs = rungs(settings.maxResource());
        for (int k = rungs.size() - 2; k >= 0; k--) {
            long level = rungs.get(k);
            List<TrialState> reached = trials.trials().stream().filter(t -> Double.isFinite(t.metricAt(level))).toList();
            int promotable = (int) Math.floor(reached.size() / eta);
            List<TrialState> top = reached.stream()
                    .sorted(Comparator.comparingDouble((TrialState t) -> settings.score(t.metricAt(level))).thenComparingInt(TrialState::number))
                    .limit(promotable).toList();
            for (TrialState t : top) {
                if (t.status() == TrialStatus.PAUSED && t.resource() == level) {
                    return new Assignment.Resume(t.trialId(), rungs.get(k + 1));
                }
            }
        }
        return mayStart ? new Assignment.Start(rungs.get(0), 0) : Assignment.WAIT;
    }

    @Override
    public Decision onReport(TrialTable trials, TrialState trial, TunerSettings settings) {
        return Decision.PAUSE;
    }

    @Override
    public String name() {
        return "asha";
    }
}
