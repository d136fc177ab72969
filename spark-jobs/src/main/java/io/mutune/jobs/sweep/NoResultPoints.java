package io.mutune.jobs.sweep;

import io.mutune.connectors.journal.JournalRow;
import io.mutune.connectors.journal.TrialStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The scale points of a sweep that ended without a single finite result (every trial failed or
 * diverged), and why, as the sweep's end message says it: the reasons grouped with their counts,
 * and the journal rows to read for the details.
 */
final class NoResultPoints {
    /** How many seq numbers a line lists before it says "..." */
    static final int MAX_SEQS = 12;

    private NoResultPoints() { }

    /**
     * One line per scale point in {@code scaleKeys} that has no completed row with a finite
     * {@code metric} in {@code rows}; empty when every point has a result.
     */
    static List<String> describe(List<String> scaleKeys, List<JournalRow> rows, String metric, String sweepId, String journal) {
        List<String> lines = new ArrayList<>();
        for (String key : scaleKeys) {
            List<JournalRow> at = rows.stream().filter(r -> r.scaleKey().equals(key)).toList();
            boolean anyFinite = at.stream().anyMatch(r -> r.status() == TrialStatus.COMPLETED
                    && r.metrics().get(metric) != null && Double.isFinite(r.metrics().get(metric)));
            if (!anyFinite) {
                lines.add(line(key, at, metric, sweepId, journal));
            }
        }
        return lines;
    }

    private static String line(String key, List<JournalRow> at, String metric, String sweepId, String journal) {
        // The last terminal row of each trial is its outcome; earlier ones were retried.
        Map<String, JournalRow> outcome = new LinkedHashMap<>();
        at.stream().filter(r -> r.status().isTerminal() && r.status() != TrialStatus.STALE)
                .sorted(Comparator.comparingLong(JournalRow::seq)).forEach(r -> outcome.put(r.trialId(), r));
        Map<String, Long> reasons = outcome.values().stream().collect(Collectors.groupingBy(
                r -> r.status() == TrialStatus.DIVERGED ? "diverged: " + reasonOrNone(r) : reasonOrNone(r), LinkedHashMap::new, Collectors.counting()));
        String grouped = reasons.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> e.getValue() + " x " + e.getKey()).collect(Collectors.joining("; "));
        List<Long> seqs = at.stream().filter(r -> r.status() == TrialStatus.FAILED || r.status() == TrialStatus.DIVERGED)
                .map(JournalRow::seq).sorted().toList();
        String seqList = seqs.stream().limit(MAX_SEQS).map(String::valueOf).collect(Collectors.joining(", "))
                + (seqs.size() > MAX_SEQS ? ", ..." : "");
        return key + ": " + outcome.size() + " trials, none with a finite " + metric + ": " + (grouped.isEmpty() ? "no trial ended" : grouped)
                + "; journal rows: sweep_id = '" + sweepId + "' AND scale_key = '" + key + "' AND status IN ('failed', 'diverged') in "
                + journal + (seqList.isEmpty() ? "" : " (seq " + seqList + ")");
    }

    private static String reasonOrNone(JournalRow r) {
        String reason = FailureReason.of(r);
        return reason == null ? r.status().column() : reason;
    }
}
