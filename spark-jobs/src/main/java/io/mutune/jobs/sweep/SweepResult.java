package io.mutune.jobs.sweep;

import io.mutune.connectors.journal.JournalRow;
import java.util.List;

/**
 * What a finished sweep left in the journal: the terminal row of every trial segment, in the
 * order they finished.
 */
public record SweepResult(String sweepId, List<JournalRow> finished, String journalLocation, long journalCommits, double wallSeconds) {
    public SweepResult {
        finished = List.copyOf(finished);
    }
}
