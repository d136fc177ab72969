package io.mutune.jobs.sweep;

import io.mutune.connectors.journal.JournalRow;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Prints one line per ended segment: its result, how long it ran, for a failed or diverged one the
 * reason ({@link FailureReason}), and the best result so far at each scale point.
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
        out.println(line(scaleKey, row));
    }

    /** Records the segment and returns its line. */
    String line(String scaleKey, JournalRow row) {
        ended++;
        best.add(scaleKey, row);
        Double m = row.metrics().get(best.metric());
        String took = row.startedAt() == null || row.finishedAt() == null ? "-"
                : String.format(Locale.ROOT, "%.1f s", Duration.between(row.startedAt(), row.finishedAt()).toMillis() / 1000.0);
        String reason = FailureReason.of(row);
        return String.format(Locale.ROOT, "[%4d] %-14s %-9s %s=%s at %d in %s  %s%s  %s", ended, row.trialId(), row.status().column(),
                best.metric(), m == null ? "-" : String.format(Locale.ROOT, "%.5g", m), row.resource(), took,
                reason == null ? "" : reason + "  ", row.configJson(), best.describe());
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
