package io.mutune.jobs.sweep;

import io.mutune.connectors.journal.JournalRow;
import io.mutune.connectors.journal.TrialStatus;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The best completed metric so far at each scale point, for the progress display. */
final class BestSoFar {
    private final String metric;
    private final boolean minimise;
    private final Map<String, Double> best = new LinkedHashMap<>();

    BestSoFar(String metric, String mode) {
        this.metric = metric;
        this.minimise = !"max".equals(mode);
    }

    void add(String scaleKey, JournalRow row) {
        Double m = row.metrics().get(metric);
        if (row.status() == TrialStatus.COMPLETED && m != null && Double.isFinite(m)) {
            best.merge(scaleKey, m, (a, b) -> minimise ? Math.min(a, b) : Math.max(a, b));
        }
    }

    String metric() {
        return metric;
    }

    /** e.g. {@code best: w64=0.12345 w128=0.11111} */
    String describe() {
        StringBuilder sb = new StringBuilder("best:");
        best.forEach((k, v) -> sb.append(String.format(Locale.ROOT, " %s=%.5g", k, v)));
        return sb.toString();
    }
}
