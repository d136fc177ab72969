package io.mutune.jobs.sweep;

import io.mutune.connectors.journal.JournalRow;
import io.mutune.connectors.journal.JournalV1Rows;
import io.mutune.connectors.journal.TrialJournal;
import io.mutune.jobs.faults.BoundedRetry;
import io.mutune.jobs.faults.OneLine;
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
        try {
            // Each try re-reads the table, so one whose append did commit is not appended again.
            return BoundedRetry.fromSystemProperties().run("reading the trial journal " + journal.location(),
                    attempt -> recoverOnce(journal, files, sweepId), line -> { });
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalArgumentException("output.trials: cannot read sweep " + sweepId + " back from " + journal.location()
                    + " and commit its write-ahead log there: " + OneLine.of(e), e);
        }
    }

    private static List<JournalRow> recoverOnce(TrialJournal journal, SweepFiles files, String sweepId) {
        List<JournalRow> table = journal.read(sweepId);
        Set<Long> seenInTable = new HashSet<>();
        table.forEach(r -> seenInTable.add(r.seq()));
        Set<Long> seen = new HashSet<>(seenInTable);
        List<JournalRow> missing = new ArrayList<>();
        for (JournalRow r : WriteAheadLog.readAll(files)) {
            if (r.sweepId().equals(sweepId) && seen.add(r.seq())) {
                missing.add(r);
            }
        }
        if (missing.isEmpty()) {
            return table;
        }
        List<JournalRow> all = new ArrayList<>(table);
        all.addAll(missing);
        all.sort(Comparator.comparingLong(JournalRow::seq));
        // A version-1 driver's log has no request columns: they are recovered (from the notes of rows
        // in the table or the log) before the rows are committed, so the table holds them.
        all = JournalV1Rows.recover(all);
        journal.append(all.stream().filter(r -> !seenInTable.contains(r.seq())).toList());
        return all;
    }
}
