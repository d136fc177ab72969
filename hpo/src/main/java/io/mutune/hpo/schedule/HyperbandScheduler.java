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
 * Synchronous Hyperband (Li et al., JMLR 2018): brackets of successive halving, bracket {@code j}
 * with {@code s = s_max - (j mod (s_max + 1))} halvings starts {@code ceil((s_max+1)/(s+1) eta^s)}
 * trials at {@code max eta^-s}; when every trial of a rung has reported, the top {@code 1/eta}
 * are promoted and the rest are stopped. With one bracket of {@code s = s_max} it is plain successive halving. Brackets run
 * one after another ({@code sequential}), or a later bracket may start while an earlier one waits
 * for a rung to fill. A bracket cut short by the trial budget halves what it has; its losers stay PAUSED.
 */
public final class HyperbandScheduler implements Scheduler {
    private final Rungs rungs;
    private final List<Integer> halvings;
    private final boolean sequential;
    /**
     * Per table, the first bracket not known to be finished. A finished bracket never reopens, so
     * this memo only saves work: the answers stay a pure function of the table.
     */
    private final java.util.Map<TrialTable, Integer> firstOpen = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /**
     * @param halvings   the {@code s} of each bracket, cycled (e.g. [4,3,2,1,0] for full Hyperband, [4] for SH)
     * @param sequential whether a bracket waits for the previous one to finish
     */
    public HyperbandScheduler(Rungs rungs, List<Integer> halvings, boolean sequential) {
        if (halvings.isEmpty()) {
            throw new IllegalArgumentException("Hyperband needs at least one bracket");
        }
        for (int s : halvings) {
            if (s < 0 || s > rungs.maxHalvings()) {
                throw new IllegalArgumentException("bracket halvings must be in [0, " + rungs.maxHalvings() + "], got " + s);
            }
        }
        this.rungs = rungs;
        this.halvings = List.copyOf(halvings);
        this.sequential = sequential;
    }

    /** All brackets {@code s_max .. 0}, as in the paper. */
    public static HyperbandScheduler full(Rungs rungs, boolean sequential) {
        List<Integer> s = new ArrayList<>();
        for (int i = rungs.maxHalvings(); i >= 0; i--) {
            s.add(i);
        }
        return new HyperbandScheduler(rungs, s, sequential);
    }

    /** Synchronous successive halving: one bracket, from the minimum resource. */
    public static HyperbandScheduler successiveHalving(Rungs rungs) {
        return new HyperbandScheduler(rungs, List.of(rungs.maxHalvings()), true);
    }

    /** The number of trials bracket {@code j} starts. */
    public int bracketSize(int j) {
        int sMax = rungs.maxHalvings();
        int s = halvings.get(j % halvings.size());
        return (int) Math.ceil((double) (sMax + 1) / (s + 1) * Math.pow(rungs.eta(), s));
    }

    @Override
    public Assignment next(TrialTable trials, TunerSettings settings, boolean mayStart, SplittableRandom random) {
        List<List<TrialState>> byBracket = membersByBracket(trials);
        boolean allFinishedSoFar = true;
        for (int j = firstOpen.getOrDefault(trials, 0); ; j++) {
            List<TrialState> members = j < byBracket.size() ? byBracket.get(j) : List.of();
            if (members.isEmpty() && !mayStart) {
                return Assignment.WAIT;
            }
            Assignment a = bracketNext(j, members, settings, mayStart);
            if (a == null) {
                if (allFinishedSoFar) {
                    firstOpen.put(trials, j + 1);
                }
                continue; // bracket finished
            }
            allFinishedSoFar = false;
            if (!(a instanceof Assignment.Wait) || sequential) {
                return a;
            }
        }
    }

    /** The bracket's next work, WAIT while a rung is filling, or null once the bracket is finished. */
    private Assignment bracketNext(int j, List<TrialState> members, TunerSettings settings, boolean mayStart) {
        int s = halvings.get(j % halvings.size());
        List<Long> all = rungs.levels();
        List<Long> levels = all.subList(all.size() - 1 - s, all.size());
        int n = bracketSize(j);
        if (members.size() < n) {
            if (mayStart) {
                return new Assignment.Start(levels.get(0), j);
            }
            n = members.size(); // the trial budget cut this bracket short: halve what it has
        }
        int expected = n;
        for (int i = 0; i < levels.size(); i++) {
            List<RungResults.Entry> ranked = RungResults.ranked(members, levels.get(i), settings);
            if (ranked.size() < expected) {
                return Assignment.WAIT;
            }
            int promote = i + 1 < levels.size() ? expected / rungs.eta() : 0;
            if (promote == 0) {
                return null;
            }
            int promoted = 0;
            for (int k = 0; k < promote; k++) {
                TrialState t = ranked.get(k).trial();
                if (!Double.isFinite(ranked.get(k).score())) {
                    continue; // a diverged trial is not promoted, and the next rung does not wait for it
                }
                if (RungResults.waitingAt(t, levels.get(i))) {
                    return new Assignment.Resume(t.trialId(), levels.get(i + 1));
                }
                promoted++;
            }
            if (promoted == 0) {
                return null;
            }
            expected = promoted;
        }
        return null;
    }

    /** Trials grouped by bracket in one pass: a long sweep has many brackets. */
    @Override
    public List<String> abandoned(TrialTable trials, TunerSettings settings) {
        List<List<TrialState>> byBracket = membersByBracket(trials);
        List<String> out = new ArrayList<>();
        for (int j = firstOpen.getOrDefault(trials, 0); j < byBracket.size(); j++) {
            losers(j, byBracket.get(j), settings, out);
        }
        return out;
    }

    /** Adds the paused trials of bracket j left below the cut of a rung that has filled. */
    private void losers(int j, List<TrialState> members, TunerSettings settings, List<String> out) {
        int s = halvings.get(j % halvings.size());
        List<Long> all = rungs.levels();
        List<Long> levels = all.subList(all.size() - 1 - s, all.size());
        int expected = bracketSize(j);
        if (members.size() < expected) {
            return; // still filling, or cut short by the budget: nothing is decided yet
        }
        for (int i = 0; i + 1 < levels.size(); i++) {
            List<RungResults.Entry> ranked = RungResults.ranked(members, levels.get(i), settings);
            if (ranked.size() < expected) {
                return;
            }
            int promote = expected / rungs.eta();
            int promoted = 0;
            for (int k = 0; k < ranked.size(); k++) {
                RungResults.Entry e = ranked.get(k);
                boolean kept = k < promote && Double.isFinite(e.score());
                promoted += kept ? 1 : 0;
                if (!kept && RungResults.waitingAt(e.trial(), levels.get(i))) {
                    out.add(e.trial().trialId());
                }
            }
            if (promoted == 0) {
                return;
            }
            expected = promoted;
        }
    }

    private static List<List<TrialState>> membersByBracket(TrialTable trials) {
        List<List<TrialState>> out = new ArrayList<>();
        for (TrialState t : trials.trials()) {
            while (out.size() <= t.bracket()) {
                out.add(new ArrayList<>());
            }
            out.get(t.bracket()).add(t);
        }
        return out;
    }

    @Override
    public Decision onReport(TrialTable trials, TrialState trial, TunerSettings settings) {
        return Decision.PAUSE;
    }

    @Override
    public String name() {
        return halvings.size() == 1 ? "sha" : "hyperband";
    }
}
