package io.mutune.jobs.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mutune.connectors.journal.TrialStatus;
import io.mutune.hpo.runner.CurvePoint;
import io.mutune.hpo.runner.SegmentResult;
import io.mutune.hpo.tuner.TrialReport;
import io.mutune.jobs.exec.SegmentOutcome;
import java.util.ArrayList;
import java.util.List;

/**
 * How a segment ended, as both the journal and the tuner need it. A completed run that did not
 * report the sweep's metric, or reported a non-finite one, is classified here, once.
 */
record SegmentEnd(TrialStatus status, TrialReport.Outcome outcome, long resource, double metric, String message, String curveJson) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static SegmentEnd of(SegmentOutcome o, String metricName) {
        if (o.threw()) {
            return new SegmentEnd(TrialStatus.FAILED, TrialReport.Outcome.FAILED, 0, Double.NaN, o.error(), null);
        }
        SegmentResult r = o.result();
        String curve = curveJson(r.curve());
        return switch (r.outcome()) {
            case DIVERGED -> new SegmentEnd(TrialStatus.DIVERGED, TrialReport.Outcome.DIVERGED, r.resource(), Double.NaN,
                    r.message() == null ? "loss became NaN or Inf" : r.message(), curve);
            case FAILED -> new SegmentEnd(TrialStatus.FAILED, TrialReport.Outcome.FAILED, r.resource(), Double.NaN, r.message(), curve);
            case COMPLETED -> {
                Double m = r.metrics().get(metricName);
                if (m == null) {
                    yield new SegmentEnd(TrialStatus.FAILED, TrialReport.Outcome.FAILED, r.resource(), Double.NaN,
                            "the trial reported no '" + metricName + "' (search.metric); it reported " + r.metrics().keySet(), curve);
                }
                if (!Double.isFinite(m)) {
                    yield new SegmentEnd(TrialStatus.DIVERGED, TrialReport.Outcome.DIVERGED, r.resource(), m,
                            metricName + " is " + m, curve);
                }
                yield new SegmentEnd(TrialStatus.COMPLETED, TrialReport.Outcome.COMPLETED, r.resource(), m, null, curve);
            }
        };
    }

    private static String curveJson(List<CurvePoint> curve) {
        List<Object> points = new ArrayList<>();
        for (CurvePoint p : curve) {
            points.add(List.of(p.resource(), p.metrics()));
        }
        try {
            return JSON.writeValueAsString(points);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("learning curve cannot be written as JSON", e);
        }
    }
}
