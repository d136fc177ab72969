package io.mutune.connectors.journal;

import java.util.List;

/**
 * The trial journal: the source of truth of a sweep. Appends must be durable when they return,
 * because a killed driver resumes from what was read back.
 */
public interface TrialJournal {

    /**
     * Creates the table with this mutune's schema if it does not exist yet (an existing one was
     * checked when it was opened). A sweep calls it before its first trial, so a location nobody can
     * write fails then, not after the trials have run.
     */
    void createIfAbsent();

    /** Appends rows atomically: all of them are visible afterwards, or none. */
    void append(List<JournalRow> rows);

    /** Every row of one sweep, in {@code seq} order; empty if the sweep has none. */
    List<JournalRow> read(String sweepId);

    /** A human-readable location, for the summary. */
    String location();
}
