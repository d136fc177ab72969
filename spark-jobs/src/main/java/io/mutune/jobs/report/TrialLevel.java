package io.mutune.jobs.report;

import io.mutune.connectors.journal.JournalRow;
import io.mutune.connectors.journal.TrialStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The trials of one scale point that can be compared with each other: those that ended at one
 * resource. Under a multi-fidelity scheduler few trials reach the final resource, so this is the
 * largest resource that at least {@link #ENOUGH} trials reached, else the resource most trials reached.
 *
 * @param rows one ended row per trial at {@code resource}; a diverged trial is there with a NaN metric
 */
record TrialLevel(String scale, long resource, List<JournalRow> rows) {
    /** Trials enough for an importance estimate to say more than its noise. */
    static final int ENOUGH = 8;

    static TrialLevel of(String scale, List<JournalRow> scaleRows, String metric) {
        TreeMap<Long, Map<String, JournalRow>> byResource = new TreeMap<>();
        for (JournalRow r : scaleRows) {
            boolean ended = r.status() == TrialStatus.COMPLETED || r.status() == TrialStatus.STOPPED || r.status() == TrialStatus.DIVERGED;
            if (ended && (r.metrics().containsKey(metric) || r.status() == TrialStatus.DIVERGED)) {
                byResource.computeIfAbsent(r.resource(), k -> new LinkedHashMap<>()).put(r.trialId(), r);
            }
        }
        Long pick = byResource.descendingMap().entrySet().stream().filter(e -> e.getValue().size() >= ENOUGH)
                .map(Map.Entry::getKey).findFirst()
                .orElse(byResource.entrySet().stream().max(java.util.Comparator.comparingInt((Map.Entry<Long, Map<String, JournalRow>> e) -> e.getValue().size())
                        .thenComparingLong(Map.Entry::getKey)).map(Map.Entry::getKey).orElse(0L));
        return new TrialLevel(scale, pick, byResource.isEmpty() ? List.of() : new ArrayList<>(byResource.get(pick).values()));
    }

    /** The metric of each row, NaN for a diverged trial. */
    double[] metric(String metric) {
        return rows.stream().mapToDouble(r -> r.metrics().getOrDefault(metric, Double.NaN)).toArray();
    }
}
