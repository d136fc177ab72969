package io.mutune.jobs.report;

import io.mutune.connectors.journal.JournalRow;
import io.mutune.connectors.journal.TrialStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Picks, per scale point, each trial's last ended row, and which of them reached the scale point's final resource. */
final class FinalTrials {
    private FinalTrials() { }

    /** Scale key to the last ended row of each trial there, in first-seen order. */
    static Map<String, List<JournalRow>> lastRowsByScale(List<JournalRow> rows) {
        Map<String, Map<String, JournalRow>> last = new LinkedHashMap<>();
        for (JournalRow r : rows) {
            if (r.status() == TrialStatus.RUNNING || r.status() == TrialStatus.FAILED) {
                continue;
            }
            last.computeIfAbsent(r.scaleKey(), k -> new LinkedHashMap<>()).merge(r.trialId(), r,
                    (a, b) -> b.resource() >= a.resource() ? b : a);
        }
        Map<String, List<JournalRow>> out = new LinkedHashMap<>();
        last.forEach((k, v) -> out.put(k, new ArrayList<>(v.values())));
        return out;
    }

    /** Scale key to its rows that ended a segment (every state but running), in journal order. */
    static Map<String, List<JournalRow>> endedRowsByScale(List<JournalRow> rows) {
        Map<String, List<JournalRow>> byScale = new LinkedHashMap<>();
        for (JournalRow r : rows) {
            if (r.status() != TrialStatus.RUNNING) {
                byScale.computeIfAbsent(r.scaleKey(), k -> new ArrayList<>()).add(r);
            }
        }
        return byScale;
    }

    /** The largest resource any completed trial reached at this scale point. */
    static long finalResource(List<JournalRow> lastRows) {
        return lastRows.stream().filter(r -> r.status() == TrialStatus.COMPLETED).mapToLong(JournalRow::resource).max().orElse(0);
    }

    /** Scale keys ordered by width (then the key), so legends and colours go small to large. */
    static List<String> orderedScales(Map<String, List<JournalRow>> byScale) {
        List<String> keys = new ArrayList<>(byScale.keySet());
        keys.sort(java.util.Comparator.comparingDouble((String k) -> {
            Double w = byScale.get(k).get(0).width();
            return w == null ? 0 : w;
        }).thenComparing(k -> k));
        return keys;
    }
}
