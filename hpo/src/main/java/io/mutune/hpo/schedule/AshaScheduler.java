package io.mutune.hpo.schedule;

import io.mutune.hpo.tuner.Assignment;
import io.mutune.hpo.tuner.Decision;
import io.mutune.hpo.tuner.Scheduler;
import io.mutune.hpo.tuner.TrialState;
import io.mutune.hpo.tuner.TrialTable;
import io.mutune.hpo.tuner.TunerSettings;
import io.mutune.hpo.tuner.TrialReport;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
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
    private final Map<TrialTable, Index> indexes = Collections.synchronizedMap(new WeakHashMap<>());

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
        Index index = indexOf(trials, settings);
        for (int b = 0; b < brackets; b++) {
            for (int k = levels.size() - 2; k >= b; k--) {
                RungIndex rung = index.rungs.get(key(b, k));
                TrialState t = rung == null ? null : rung.promotable();
                if (t != null) {
                    return new Assignment.Resume(t.trialId(), levels.get(k + 1));
                }
            }
        }
        if (!mayStart) {
            return Assignment.WAIT;
        }
        int bracket = trials.size() % brackets;
        return new Assignment.Start(levels.get(bracket), bracket);
    }

    /** Per-table rung indexes, brought up to date with the reports that arrived since the last call. */
    private Index indexOf(TrialTable trials, TunerSettings settings) {
        Index index = indexes.computeIfAbsent(trials, t -> new Index());
        List<TrialTable.Report> reports = trials.reports();
        List<Long> levels = rungs.levels();
        for (; index.processed < reports.size(); index.processed++) {
            TrialTable.Report r = reports.get(index.processed);
            int k = levels.indexOf(r.level());
            if (k < 0 || k == levels.size() - 1) {
                continue;
            }
            double score = r.result().outcome() == TrialReport.Outcome.COMPLETED
                    ? settings.score(r.result().metric()) : Double.POSITIVE_INFINITY;
            index.rungs.computeIfAbsent(key(r.trial().bracket(), k), x -> new RungIndex(levels.get(k), rungs.eta()))
                    .add(r.trial(), score);
        }
        return index;
    }

    private static long key(int bracket, int rung) {
        return ((long) bracket << 32) | rung;
    }

    /** Derived from the table only; kept per table so a replayed tuner builds its own. */
    private static final class Index {
        int processed;
        final Map<Long, RungIndex> rungs = new HashMap<>();
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
