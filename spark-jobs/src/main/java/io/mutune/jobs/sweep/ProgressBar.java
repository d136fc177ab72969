package io.mutune.jobs.sweep;

import io.mutune.connectors.journal.JournalRow;
import java.io.PrintStream;
import java.util.Locale;

/**
 * One line redrawn in place on a terminal: a bar of ended segments against the trials planned
 * (multi-fidelity sweeps run more segments than trials, so the bar is capped at full), how many
 * run now, and the best so far per scale point.
 */
final class ProgressBar implements SweepProgress {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private final BestSoFar best;
    private final int planned;
    private int ended;

    ProgressBar(PrintStream out, BestSoFar best, int planned) {
        this.out = out;
        this.best = best;
        this.planned = Math.max(1, planned);
    }

    @Override
    public void segmentEnded(String scaleKey, JournalRow row, int running) {
        ended++;
        best.add(scaleKey, row);
        String reason = FailureReason.of(row);
        if (reason != null && row.status() == io.mutune.connectors.journal.TrialStatus.FAILED) {
            // Above the bar, so the reason stays on screen when the bar is redrawn.
            out.print("\r\u001b[K" + row.trialId() + " failed: " + reason + "\n");
        }
        int filled = Math.min(WIDTH, ended * WIDTH / planned);
        String bar = "=".repeat(filled) + (filled < WIDTH ? ">" + " ".repeat(WIDTH - filled - 1) : "");
        out.print(String.format(Locale.ROOT, "\r[%s] %d segments ended, %d running  %s\u001b[K", bar, ended, running, best.describe()));
        out.flush();
    }

    @Override
    public void resumedWith(java.util.List<JournalRow> endedBefore) {
        endedBefore.forEach(r -> best.add(r.scaleKey(), r));
        ended += endedBefore.size();
    }

    @Override
    public void finish() {
        out.println();
    }
}
