package io.mutune.hpo.schedule;

import io.mutune.hpo.tuner.Assignment;
import io.mutune.hpo.tuner.Decision;
import io.mutune.hpo.tuner.Scheduler;
import io.mutune.hpo.tuner.TrialReport;
import io.mutune.hpo.tuner.TrialResult;
import io.mutune.hpo.tuner.TrialState;
import io.mutune.hpo.tuner.TrialStatus;
import io.mutune.hpo.tuner.TrialTable;
import io.mutune.hpo.tuner.TunerSettings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Population-based training (Jaderberg et al. 2017), asynchronous: the population (the tuner's
 * {@code maxTrials}) trains in intervals of {@code interval} resource. The whole population starts
 * before any member goes on, and then the member furthest behind goes first, so the members stay
 * roughly together however few workers there are. When a trial has finished
 * an interval and asks to go on, it is ranked against every member's latest result available then
 * (no lockstep); in the bottom {@code quantile} it copies a random top-{@code quantile} member's
 * checkpoint and explored hyperparameters ({@link Assignment.Exploit}, which records the parent),
 * otherwise it continues as it is. Ranking needs at least {@code ceil(1 / quantile)} members with
 * results, so the first intervals never exploit on too little evidence.
 *
 * <p>A member whose loss became NaN/Inf is not dropped: the population would shrink with every
 * divergence, and an aggressive explore step makes divergences common. It is replaced by an
 * exploit of a top-quantile member as soon as the ranking allows one, before any other work.
 * Diverged or failed members are never parents: their weights are gone.
 */
public final class PbtScheduler implements Scheduler {
    private final long interval;
    private final double quantile;
    private final PbtExplorer explorer;

    public PbtScheduler(long interval, double quantile, PbtExplorer explorer) {
        if (interval < 1) {
            throw new IllegalArgumentException("PBT interval must be >= 1, got " + interval);
        }
        if (!(quantile > 0 && quantile <= 0.5)) {
            throw new IllegalArgumentException("PBT quantile must be in (0, 0.5], got " + quantile);
        }
        this.interval = interval;
        this.quantile = quantile;
        this.explorer = explorer;
    }

    @Override
    public Assignment next(TrialTable trials, TunerSettings settings, boolean mayStart, SplittableRandom random) {
        TrialState ready = null;
        TrialState diverged = null;
        for (TrialState t : trials.trials()) {
            // the member furthest behind goes first, so the population stays roughly together
            if (t.status() == TrialStatus.PAUSED && (ready == null || t.resource() < ready.resource())) {
                ready = t;
            }
            if (t.status() == TrialStatus.DIVERGED && diverged == null) {
                diverged = t;
            }
        }
        if (mayStart) {
            // a member not started yet is the furthest behind of all; with fewer workers than members,
            // resuming first would train one member to the end before the next one starts
            return new Assignment.Start(Math.min(interval, settings.maxResource()), 0);
        }
        List<TrialState> ranked = rankedByLatest(trials, settings);
        if (diverged != null) {
            Assignment replaced = exploit(diverged, ranked, settings, random);
            if (replaced != null) {
                return replaced;
            }
        }
        if (ready == null) {
            return Assignment.WAIT;
        }
        int cut = cut(ranked);
        if (cut >= 1 && ranked.indexOf(ready) >= ranked.size() - cut) {
            Assignment copied = exploit(ready, ranked, settings, random);
            if (copied != null) {
                return copied;
            }
        }
        return new Assignment.Resume(ready.trialId(), Math.min(settings.maxResource(), ready.resource() + interval));
    }

    /** How many members form the top (and bottom) quantile; 0 while too few have results to rank. */
    private int cut(List<TrialState> ranked) {
        return ranked.size() >= Math.ceil(1 / quantile) ? (int) Math.floor(quantile * ranked.size()) : 0;
    }

    /** {@code member} copies a random top-quantile member and goes on one interval; null if none can be copied. */
    private Assignment exploit(TrialState member, List<TrialState> ranked, TunerSettings settings, SplittableRandom random) {
        int cut = cut(ranked);
        if (cut < 1) {
            return null;
        }
        TrialState parent = ranked.get(random.nextInt(cut));
        if (parent == member || parent.resource() <= 0 || !holdsWeightsOfItsLatestResult(parent)) {
            return null;
        }
        long to = Math.min(settings.maxResource(), parent.resource() + interval);
        if (to <= parent.resource()) {
            return null;
        }
        return new Assignment.Exploit(member.trialId(), parent.trialId(), explorer.explore(parent.config(), random), to);
    }

    /**
     * Whether the checkpoint at the member's resource holds the weights its ranking score came from.
     * Not while it runs an exploit of its own: it then sits at its parent's level, scored by its old
     * result, and writes no checkpoint there until that segment ends (with several workers this happens).
     */
    private static boolean holdsWeightsOfItsLatestResult(TrialState t) {
        TrialResult last = latest(t);
        return last != null && last.resource() == t.resource();
    }

    /** Live members with a completed result, best latest score first; ties by number. */
    private static List<TrialState> rankedByLatest(TrialTable trials, TunerSettings settings) {
        List<TrialState> out = new ArrayList<>();
        for (TrialState t : trials.trials()) {
            boolean dead = t.status() == TrialStatus.DIVERGED || t.status() == TrialStatus.FAILED;
            if (!dead && latest(t) != null) {
                out.add(t);
            }
        }
        out.sort(Comparator.comparingDouble((TrialState t) -> settings.score(latest(t).metric()))
                .thenComparingInt(TrialState::number));
        return out;
    }

    private static TrialResult latest(TrialState t) {
        List<TrialResult> rs = t.results();
        for (int i = rs.size() - 1; i >= 0; i--) {
            if (rs.get(i).outcome() == TrialReport.Outcome.COMPLETED) {
                return rs.get(i);
            }
        }
        return null;
    }

    @Override
    public Decision onReport(TrialTable trials, TrialState trial, TunerSettings settings) {
        return Decision.CONTINUE;
    }

    @Override
    public String name() {
        return "pbt";
    }
}
