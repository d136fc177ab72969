package io.mutune.hpo.runner;

import java.util.List;
import java.util.Map;

/**
 * What a segment produced.
 *
 * @param outcome     whether the segment finished, diverged or failed
 * @param resource    the resource reached (for a diverged run, where it diverged)
 * @param metrics     the final metrics at {@code resource}, e.g. {@code val_loss}, {@code train_loss}
 * @param curve       the learning curve measured during this segment, in resource order
 * @param checkpoint  where the state was written, or null
 * @param message     a human-readable reason for a diverged or failed outcome, else null
 */
public record SegmentResult(
        Outcome outcome,
        long resource,
        Map<String, Double> metrics,
        List<CurvePoint> curve,
        String checkpoint,
        String message) implements java.io.Serializable {

    public enum Outcome { COMPLETED, DIVERGED, FAILED }

    public SegmentResult {
        metrics = Map.copyOf(metrics);
        curve = List.copyOf(curve);
    }

    public static SegmentResult completed(long resource, Map<String, Double> metrics, List<CurvePoint> curve, String checkpoint) {
        return new SegmentResult(Outcome.COMPLETED, resource, metrics, curve, checkpoint, null);
    }

    public static SegmentResult diverged(long resource, List<CurvePoint> curve, String message) {
        return new SegmentResult(Outcome.DIVERGED, resource, Map.of(), curve, null, message);
    }
}
