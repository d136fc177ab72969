package io.mutune.hpo.schedule;

import io.mutune.hpo.tuner.Assignment;
import io.mutune.hpo.tuner.Decision;
import io.mutune.hpo.tuner.Scheduler;
import io.mutune.hpo.tuner.TrialReport;
import io.mutune.hpo.tuner.TrialState;
import io.mutune.hpo.tuner.TrialStatus;
import io.mutune.hpo.tuner.TrialTable;
import io.mutune.hpo.tuner.TunerSettings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The baseline every multi-fidelity scheduler must beat ("Is One Epoch All You Need For
 * Multi-Fidelity Hyperparameter Optimization?", Egele et al. 2023): train every trial to the
 * lowest resource, then only the best {@code topK} of them to the maximum. One cut, no rungs.
 */
public final class OneEpochTopKScheduler implements Scheduler {
    private final long lowResource;
    private final int topK;

    /**
     * @param lowResource the resource every trial gets (the "one epoch")
     * @param topK        how many trials go on to the maximum resource
     */
    public OneEpochTopKScheduler(long lowResource, int topK) {
        if (lowResource < 1) {
            throw new IllegalArgumentException("one-epoch top-K needs a low resource >= 1, got " + lowResource);
        }
        if (topK < 1) {
            throw new IllegalArgumentException("search.options.top_k: expected an integer >= 1, got " + topK);
        }
        this.lowResource = lowResource;
        this.topK = topK;
    }

    @Override
    public Assignment next(TrialTable trials, TunerSettings settings, boolean mayStart, SplittableRandom random) {
        if (lowResource >= settings.maxResource()) {
            return mayStart ? new Assignment.Start(settings.maxResource(), 0) : Assignment.WAIT;
        }
        if (mayStart) {
            return new Assignment.Start(lowResource, 0);
        }
        if (!cutIsDue(trials)) {
            return Assignment.WAIT;
        }
        for (TrialState t : winners(trials, settings)) {
            if (t.status() == TrialStatus.PAUSED && t.resource() == lowResource) {
                return new Assignment.Resume(t.trialId(), settings.maxResource());
            }
        }
        return Assignment.WAIT;
    }

    /** The cut waits for every first segment: ranking a partial set would favour early finishers. */
    private boolean cutIsDue(TrialTable trials) {
        for (TrialState t : trials.trials()) {
            if (t.status() == TrialStatus.RUNNING && t.running().fromResource() == 0) {
                return false;
            }
        }
        return true;
    }

    private List<TrialState> winners(TrialTable trials, TunerSettings settings) {
        List<TrialState> ranked = new ArrayList<>();
        for (TrialState t : trials.trials()) {
            if (t.reached(lowResource)) {
                ranked.add(t);
            }
        }
        ranked.sort(Comparator.comparingDouble((TrialState t) -> settings.score(t.metricAt(lowResource)))
                .thenComparingInt(TrialState::number));
        return ranked.subList(0, Math.min(topK, ranked.size()));
    }

    @Override
    public Decision onReport(TrialTable trials, TrialState trial, TunerSettings settings) {
        return trial.lastResult().outcome() == TrialReport.Outcome.COMPLETED ? Decision.PAUSE : Decision.STOP;
    }

    @Override
    public List<String> abandoned(TrialTable trials, TunerSettings settings) {
        if (trials.size() < settings.maxTrials() || !cutIsDue(trials)) {
            return List.of();
        }
        List<TrialState> winners = winners(trials, settings);
        List<String> out = new ArrayList<>();
        for (TrialState t : trials.trials()) {
            if (t.status() == TrialStatus.PAUSED && !winners.contains(t)) {
                out.add(t.trialId());
            }
        }
        return out;
    }

    @Override
    public String name() {
        return "topk";
    }
}
