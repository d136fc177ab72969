package io.mutune.jobs.sweep;

import io.mutune.connectors.journal.JournalRow;
import io.mutune.connectors.journal.TrialStatus;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Prints one line per ended segment, with the best result so far at each scale point. */
final class ProgressPrinter {
    private final PrintStream out;
    private final String metric;
    private final boolean minimise;
    private final Map<String, Double> best = new LinkedHashMap<>();
    private int ended;

    ProgressPrinter(PrintStream out, String metric, String mode, int scalePoints) {
        this.out = out;
        this.metric = metric;
        this.minimise = !"max".equals(mode);
    }

    void segmentEnded(String scaleKey, JournalRow row) {
        ended++;
        Double m = row.metrics().get(metric);
        if (row.status() == TrialStatus.COMPLETED && m != null && Double.isFinite(m)) {
            best.merge(scaleKey, m, (a, b) -> minimise ? Math.min(a, b) : Math.max(a, b));
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "[%4d] %-14s %-9s %s=%s at %d  %s", ended, row.trialId(), row.status().column(), metric,
                m == null ? "-" : String.format(Locale.ROOT, "%.5g", m), row.resource(), row.configJson()));
        sb.append("  best:");
        best.forEach((k, v) -> sb.append(String.format(Locale.ROOT, " %s=%.5g", k, v)));
        out.println(sb);
    }
}
