package io.mutune.connectors.journal;

import java.io.Serializable;
import java.time.Instant;
import java.util.Map;

/**
 * One row of the trial journal: one state of one trial segment. The journal is append-only; a
 * segment has a RUNNING row when it starts and a terminal row when it ends, and replaying the rows
 * in {@code seq} order rebuilds every tuner.
 *
 * @param seq            the driver's event number within the sweep, for ordering the replay
 * @param number         the trial's number within its scale point's tuner
 * @param fromResource   the resource the segment started from (0 for a fresh trial)
 * @param targetResource the resource the segment was asked to reach
 * @param resource       the resource actually reached
 * @param curveJson      the learning curve of this segment, JSON [[resource, {metric: value}], ...]
 */
public record JournalRow(
        String sweepId,
        long seq,
        String scaleKey,
        Double width,
        Double depth,
        Double tokens,
        Double batch,
        String trialId,
        int number,
        String parentTrial,
        String configJson,
        long fromResource,
        long targetResource,
        long resource,
        Map<String, Double> metrics,
        String curveJson,
        TrialStatus status,
        int attempt,
        String executor,
        String gpu,
        String checkpoint,
        long seed,
        String message,
        Instant startedAt,
        Instant finishedAt) implements Serializable {

    public JournalRow {
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
    }

    /** The scale point as a map of the axes this row has. */
    public Map<String, Double> scale() {
        java.util.LinkedHashMap<String, Double> m = new java.util.LinkedHashMap<>();
        if (width != null) {
            m.put("width", width);
        }
        if (depth != null) {
            m.put("depth", depth);
        }
        if (tokens != null) {
            m.put("tokens", tokens);
        }
        if (batch != null) {
            m.put("batch", batch);
        }
        return m;
    }
}
