package io.mutune.hpo.schedule;

import io.mutune.hpo.tuner.TrialReport;
import io.mutune.hpo.tuner.TrialRequest;
import io.mutune.hpo.tuner.TrialState;
import io.mutune.hpo.tuner.TrialStatus;
import io.mutune.hpo.tuner.TunerSettings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The results at one rung level: every trial whose segment to that level has reported, ranked
 * best first. A diverged or failed segment counts as reported, with the worst score, so a rung can
 * fill even when some of its trials blow up.
 */
final class RungResults {
    /** A trial at the rung and its score (lower is better; +Inf for diverged or failed). */
    record Entry(TrialState trial, double score) { }

    private RungResults() { }

    static List<Entry> ranked(List<TrialState> trials, long level, TunerSettings settings) {
        List<Entry> out = new ArrayList<>();
        for (TrialState t : trials) {
            double s = scoreAt(t, level, settings);
            if (!Double.isNaN(s)) {
                out.add(new Entry(t, s));
            }
        }
        out.sort(Comparator.comparingDouble(Entry::score).thenComparingInt(e -> e.trial().number()));
        return out;
    }

    /** The trial's score at {@code level}, +Inf if it failed on its way there, NaN if it has not reported it. */
    static double scoreAt(TrialState t, long level, TunerSettings settings) {
        for (var r : t.results()) {
            if (r.resource() == level && r.outcome() == TrialReport.Outcome.COMPLETED) {
                return settings.score(r.metric());
            }
        }
        if (t.status() == TrialStatus.FAILED || t.status() == TrialStatus.DIVERGED) {
            List<TrialRequest> segs = t.segments();
            if (!segs.isEmpty() && segs.get(segs.size() - 1).toResource() == level) {
                return Double.POSITIVE_INFINITY;
            }
        }
        return Double.NaN;
    }

    /** True when the trial sits at {@code level} waiting: paused there and not running. */
    static boolean waitingAt(TrialState t, long level) {
        return t.status() == TrialStatus.PAUSED && t.resource() == level;
    }
}
