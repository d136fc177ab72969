package io.mutune.jobs.sweep;

import io.mutune.connectors.journal.JournalRow;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * Prints one line per ended segment, with the best result so far at each scale point, and for a
 * failed or diverged one the reason ({@link FailureReason}).
 */
final class ProgressPrinter implements SweepProgress {
    private final PrintStream out;
    private final BestSoFar best;
    private int ended;

    ProgressPrinter(PrintStream out, BestSoFar best) {
        this.out = out;
        this.best = best;
    }

    @Override
    public void segmentEnded(String scaleKey, JournalRow row, int running) {
        ended++;
        best.add(scaleKey, row);
        Double m = row.metrics().get(best.metric());
        String reason = FailureReason.of(row);
        out.println(String.format(Locale.ROOT, "[%4d] %-14s %-9s %s=%s at %d  %s%s  %s", ended, row.trialId(), row.status().column(),
                best.metric(), m == null ? "-" : String.format(Locale.ROOT, "%.5g", m), row.resource(),
                reason == null ? "" : reason + "  ", row.configJson(), best.describe()));
    }

    @Override
    public void resumedWith(List<JournalRow> endedBefore) {
        endedBefore.forEach(r -> best.add(r.scaleKey(), r));
        ended += endedBefore.size();
    }

    @Override
    public void finish() {
        // Every line is already out.
    }
}
