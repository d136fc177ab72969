package io.mutune.jobs.sweep;

import io.mutune.connectors.journal.JournalRow;
import java.io.PrintStream;
import java.util.List;

/** Shows a sweep's progress as segments end: lines in a log, a live bar on a terminal. */
interface SweepProgress {
    void segmentEnded(String scaleKey, JournalRow row, int running);

    /** Before a resumed sweep's first segment: the segments its journal already ended, so counts and bests include them. */
    void resumedWith(List<JournalRow> ended);

    /** Called once when the sweep's last segment has ended, before the summary. */
    void finish();

    /** A live bar when a person watches a terminal, else one line per segment (logs, spark-submit). */
    static SweepProgress forConsole(PrintStream out, String metric, String mode, int totalTrials, boolean terminal) {
        BestSoFar best = new BestSoFar(metric, mode);
        return terminal ? new ProgressBar(out, best, totalTrials) : new ProgressPrinter(out, best);
    }
}
