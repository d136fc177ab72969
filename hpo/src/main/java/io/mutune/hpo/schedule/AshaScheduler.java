package io.mutune.hpo.schedule;

import io.mutune.hpo.tuner.Assignment;
import io.mutune.hpo.tuner.Decision;
import io.mutune.hpo.tuner.Scheduler;
import io.mutune.hpo.tuner.TrialState;
import io.mutune.hpo.tuner.TrialTable;
import io.mutune.hpo.tuner.TunerSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Asynchronous successive halving (Li et al., "A System for Massively Parallel Hyperparameter
 * Tuning", MLSys 2020): whenever a worker asks, promote a paused trial that is in the top
 * {@code 1/eta} of its rung (highest rung first), else start a new trial at the bottom rung. No
 * worker ever waits for a rung to fill; a rung promotes only once it has at least {@code eta}
 * results. With {@code brackets > 1}, trial {@code n} joins bracket {@code n mod brackets}, whose
 * bottom rung is {@code min * eta^bracket} (asynchronous Hyperband).
 */
public final class AshaScheduler implements Scheduler {
    private final Rungs rungs;
    private final int brackets;

    public AshaScheduler(Rungs rungs, int brackets) {
        if (brackets < 1 || brackets > rungs.maxHalvings() + 1) {
            throw new IllegalArgumentException("ASHA brackets must be in [1, " + (rungs.maxHalvings() + 1) + "], got " + brackets);
        }
        this.rungs = rungs;
        this.brackets = brackets;
    }

    @Override
    public Assignment next(TrialTable trials, TunerSettings settings, boolean mayStart, SplittableRandom random) {
        List<Long> levels = rungs.levels();
        for (int b = 0; b < brackets; b++) {
            List<TrialState> members = new ArrayList<>();
            for (TrialState t : trials.trials()) {
                if (t.bracket() == b) {
                    members.add(t);
                }
            }
            for (int k = levels.size() - 2; k >= b; k--) {
                long level = levels.get(k);
                List<RungResults.Entry> ranked = RungResults.ranked(members, level, settings);
                int promotable = ranked.size() / rungs.eta();
                for (int i = 0; i < promotable; i++) {
                    TrialState t = ranked.get(i).trial();
                    if (RungResults.waitingAt(t, level) && Double.isFinite(ranked.get(i).score())) {
                        return new Assignment.Resume(t.trialId(), levels.get(k + 1));
                    }
                }
            }
        }
        if (!mayStart) {
            return Assignment.WAIT;
        }
        int bracket = trials.size() % brackets;
        return new Assignment.Start(levels.get(bracket), bracket);
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
