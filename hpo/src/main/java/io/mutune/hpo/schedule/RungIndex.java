package io.mutune.hpo.schedule;

import io.mutune.hpo.tuner.TrialState;
import java.util.Comparator;
import java.util.Iterator;
import java.util.TreeSet;

/**
 * The results of one rung kept split into the top {@code floor(n / eta)} and the rest, updated one
 * result at a time, so ASHA finds a promotable trial without re-sorting the rung on every ask.
 * {@code candidates} are top members that may still be waiting; once a trial leaves its rung
 * (promoted, or diverged) it never comes back, so it is dropped for good.
 */
final class RungIndex {
    record Entry(TrialState trial, double score) { }

    private static final Comparator<Entry> ORDER =
            Comparator.comparingDouble(Entry::score).thenComparingInt(e -> e.trial().number());

    private final long level;
    private final int eta;
    private final TreeSet<Entry> top = new TreeSet<>(ORDER);
    private final TreeSet<Entry> rest = new TreeSet<>(ORDER);
    private final TreeSet<Entry> candidates = new TreeSet<>(ORDER);
    private int count;

    RungIndex(long level, int eta) {
        this.level = level;
        this.eta = eta;
    }

    void add(TrialState trial, double score) {
        Entry e = new Entry(trial, score);
        count++;
        if (!top.isEmpty() && ORDER.compare(e, top.last()) < 0) {
            top.add(e);
            candidates.add(e);
        } else {
            rest.add(e);
        }
        int k = count / eta;
        while (top.size() > k) {
            Entry out = top.pollLast();
            candidates.remove(out);
            rest.add(out);
        }
        while (top.size() < k && !rest.isEmpty()) {
            Entry in = rest.pollFirst();
            top.add(in);
            candidates.add(in);
        }
    }

    /** The best top-{@code 1/eta} trial still paused at this rung, or null. */
    TrialState promotable() {
        Iterator<Entry> it = candidates.iterator();
        while (it.hasNext()) {
            Entry e = it.next();
            if (Double.isFinite(e.score()) && RungResults.waitingAt(e.trial(), level)) {
                return e.trial();
            }
            it.remove();
        }
        return null;
    }

    int size() {
        return count;
    }
}
