package io.mutune.hpo.runner;

import java.util.Map;

/** One point of a learning curve: the metrics measured after training to {@code resource}. */
public record CurvePoint(long resource, Map<String, Double> metrics) implements java.io.Serializable {
    public CurvePoint {
        metrics = Map.copyOf(metrics);
    }
}
