package io.mutune.jobs.bench;

import io.mutune.connectors.journal.JournalRow;
import io.mutune.connectors.journal.TrialStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's figures, from a sweep's journal alone: a RUNNING row's started_at is when the
 * driver asked for the segment; the ended row's started_at and finished_at are when its task ran.
 *
 * @param segments       segments that ended
 * @param wallSeconds    first ask to last end
 * @param utilisation    sum of segment run times / (slots x wall)
 * @param medianOverheadMs  ask to task start, median
 * @param p95OverheadMs     ask to task start, 95th percentile
 * @param steadyUtilisation the same from the first task start: leaves out the executors' start-up
 *                          (fetching the shaded jar before their first task)
 * @param medianSlotGapMs   on one (executor, GPU) slot, from a segment's end to the next one's start, median
 * @param p99OverheadMs     ask to task start, 99th percentile
 * @param p95SlotGapMs      slot gap, 95th percentile
 * @param trials            distinct trials with an ended segment
 */
record SweepFigures(int segments, double wallSeconds, double utilisation, double medianOverheadMs, double p95OverheadMs,
                    double steadyUtilisation, double medianSlotGapMs, double p99OverheadMs, double p95SlotGapMs, int trials) {

    static SweepFigures of(List<JournalRow> rows, int slots) {
        Map<String, JournalRow> asks = new HashMap<>();
        List<Double> overheads = new ArrayList<>();
        long firstAsk = Long.MAX_VALUE;
        long lastEnd = Long.MIN_VALUE;
        long firstStart = Long.MAX_VALUE;
        Map<String, List<long[]>> bySlot = new HashMap<>();
        java.util.Set<String> trials = new java.util.HashSet<>();
        double busy = 0;
        int segments = 0;
        for (JournalRow r : rows) {
            String key = r.trialId() + "@" + r.fromResource() + "#" + r.attempt();
            if (r.status() == TrialStatus.RUNNING) {
                asks.put(key, r);
                firstAsk = Math.min(firstAsk, r.startedAt().toEpochMilli());
            } else if (r.status().isTerminal() && r.status() != TrialStatus.STALE) {
                JournalRow ask = asks.get(key);
                if (ask == null) {
                    throw new IllegalArgumentException("ended row without its RUNNING row: " + r);
                }
                segments++;
                trials.add(r.trialId());
                busy += r.finishedAt().toEpochMilli() - r.startedAt().toEpochMilli();
                overheads.add((double) (r.startedAt().toEpochMilli() - ask.startedAt().toEpochMilli()));
                lastEnd = Math.max(lastEnd, r.finishedAt().toEpochMilli());
                firstStart = Math.min(firstStart, r.startedAt().toEpochMilli());
                bySlot.computeIfAbsent(r.executor() + "/" + r.gpu(), k -> new ArrayList<>())
                        .add(new long[] {r.startedAt().toEpochMilli(), r.finishedAt().toEpochMilli()});
            }
        }
        double wallMs = lastEnd - firstAsk;
        Collections.sort(overheads);
        List<Double> gaps = new ArrayList<>();
        for (List<long[]> runs : bySlot.values()) {
            runs.sort((a, b) -> Long.compare(a[0], b[0]));
            for (int i = 1; i < runs.size(); i++) {
                gaps.add((double) (runs.get(i)[0] - runs.get(i - 1)[1]));
            }
        }
        Collections.sort(gaps);
        return new SweepFigures(segments, wallMs / 1000, busy / (slots * wallMs), percentile(overheads, 0.5), percentile(overheads, 0.95),
                busy / (slots * (double) (lastEnd - firstStart)), percentile(gaps, 0.5), percentile(overheads, 0.99),
                percentile(gaps, 0.95), trials.size());
    }

    private static double percentile(List<Double> sorted, double q) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }
}
