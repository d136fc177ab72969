package io.mutune.jobs.sweep;

import io.mutune.connectors.journal.JournalRow;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * On a terminal: the per-segment lines scroll above a progress bar (me.tongfei:progressbar) of
 * trials done against trials planned, with the segments in flight and the ETA. A trial counts as
 * done when its first segment ends; multi-fidelity schedulers then keep promoting some of them,
 * which the in-flight count shows.
 */
final class ProgressBar implements SweepProgress {
    private static final int WIDTH = 100;
    private final PrintStream out;
    private final ProgressPrinter lines;
    private final me.tongfei.progressbar.ProgressBar bar;
    private final Set<String> done = new HashSet<>();

    ProgressBar(PrintStream out, BestSoFar best, int planned) {
        this.out = out;
        this.lines = new ProgressPrinter(out, best);
        // One print per redraw, so a segment's line (also one print) never lands inside the bar.
        this.bar = new ProgressBarBuilder().setTaskName("trials").setInitialMax(Math.max(1, planned)).setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(500).setConsumer(new DelegatingProgressBarConsumer(s -> out.print("\r" + s + "\u001b[K"), WIDTH))
                .build();
    }

    @Override
    public void segmentEnded(String scaleKey, JournalRow row, int running) {
        out.print("\r\u001b[K" + lines.line(scaleKey, row) + System.lineSeparator());
        if (done.add(row.trialId())) {
            bar.step();
        }
        bar.setExtraMessage(String.format(Locale.ROOT, "%d in flight", running));
    }

    @Override
    public void resumedWith(List<JournalRow> endedBefore) {
        lines.resumedWith(endedBefore);
        endedBefore.forEach(r -> {
            if (done.add(r.trialId())) {
                bar.step();
            }
        });
    }

    @Override
    public void finish() {
        bar.close();
        out.println();
    }
}
