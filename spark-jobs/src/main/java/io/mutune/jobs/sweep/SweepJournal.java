package io.mutune.jobs.sweep;

import io.mutune.connectors.journal.JournalRow;
import io.mutune.connectors.journal.TrialJournal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads a sweep's journal back whole before a resume: the table plus what only reached the write-ahead log. */
public final class SweepJournal {
    private SweepJournal() { }

    /**
     * Commits the rows that a killed driver flushed to its write-ahead log but not yet to the table,
     * then returns all of the sweep's rows in seq order.
     */
    public static List<JournalRow> recover(TrialJournal journal, SweepFiles files, String sweepId) {
        List<JournalRow> table = journal.read(sweepId);
        Set<Long> seen = new HashSet<>();
        table.forEach(r -> seen.add(r.seq()));
        List<JournalRow> missing = new ArrayList<>();
        for (JournalRow r : WriteAheadLog.readAll(files)) {
            if (r.sweepId().equals(sweepId) && seen.add(r.seq())) {
                missing.add(r);
            }
        }
        if (missing.isEmpty()) {
            return table;
        }
        missing.sort(Comparator.comparingLong(JournalRow::seq));
        journal.append(missing);
        List<JournalRow> all = new ArrayList<>(table);
        all.addAll(missing);
        all.sort(Comparator.comparingLong(JournalRow::seq));
        return all;
    }
}
