package io.mutune.jobs.sweep;

import io.mutune.connectors.journal.JournalRow;
import java.util.List;

/**
 * What a sweep run left in the journal: the terminal row of every trial segment (those a resumed
 * run replayed first, then those it ran, in the order they finished), and the timings of the
 * segments this run started, how many journal commits had to be tried again after a transient fault,
 * and the most trial slots the cluster offered meanwhile.
 */
public record SweepResult(String sweepId, List<JournalRow> finished, List<SegmentTiming> timings, String journalLocation,
                          JournalCommits journalCommits, long journalRetries, double wallSeconds, int peakSlots) {
    public SweepResult {
        finished = List.copyOf(finished);
        timings = List.copyOf(timings);
    }
}
