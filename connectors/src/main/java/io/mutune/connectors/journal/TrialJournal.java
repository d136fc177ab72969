package io.mutune.connectors.journal;

import java.util.List;

/**
 * The trial journal: the source of truth of a sweep. Appends must be durable when they return,
 * because a killed driver resumes from what was read back.
 */
public interface TrialJournal {

    /** Appends rows atomically: all of them are visible afterwards, or none. */
    void append(List<JournalRow> rows);

    /** Every row of one sweep, in {@code seq} order; empty if the sweep has none. */
    List<JournalRow> read(String sweepId);

    /** A human-readable location, for the summary. */
    String location();
}
