package io.mutune.jobs.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/** Reads the journal's {@code curve} column: JSON {@code [[resource, {metric: value}], ...]}. */
final class CurveJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CurveJson() { }

    /** The (resource, metric) points of one segment; points without the metric are skipped. */
    static List<double[]> points(String json, String metric, String trialId) {
        List<double[]> out = new ArrayList<>();
        if (json == null || json.isBlank()) {
            return out;
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("journal column curve of trial " + trialId
                    + " is not JSON [[resource, {metric: value}], ...]: " + abbreviate(json), e);
        }
        if (!root.isArray()) {
            throw new IllegalArgumentException("journal column curve of trial " + trialId + " must be a JSON array, got " + abbreviate(json));
        }
        for (JsonNode p : root) {
            if (!p.isArray() || p.size() != 2 || !p.get(0).isNumber() || !p.get(1).isObject()) {
                throw new IllegalArgumentException("journal column curve of trial " + trialId
                        + ": each point must be [resource, {metric: value}], got " + abbreviate(p.toString()));
            }
            JsonNode v = p.get(1).get(metric);
            if (v != null && v.isNumber()) {
                out.add(new double[] {p.get(0).asDouble(), v.asDouble()});
            }
        }
        return out;
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
