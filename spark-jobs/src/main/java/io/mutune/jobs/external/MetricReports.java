package io.mutune.jobs.external;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.mutune.hpo.runner.CurvePoint;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metrics an external program reports: one JSON object per line, e.g.
 * {@code {"resource": 100, "val_loss": 2.31, "train_loss": 2.40}}. {@code resource} (or {@code step})
 * says where it was measured; every other numeric field is a metric. NaN and Infinity are accepted,
 * because a diverged run is a result. Lines that are not JSON objects are the program's own output
 * and are skipped. Thread-safe: stdout is read on its own thread.
 */
final class MetricReports {
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
    private final List<CurvePoint> points = new ArrayList<>();
    private final long defaultResource;
    private String checkpoint;

    MetricReports(long defaultResource) {
        this.defaultResource = defaultResource;
    }

    /** Reads one line; returns whether it was a metrics report. */
    synchronized boolean accept(String line) {
        String s = line.trim();
        if (!s.startsWith("{") || !s.endsWith("}")) {
            return false;
        }
        JsonNode node;
        try {
            node = JSON.readTree(s);
        } catch (java.io.IOException e) {
            return false;
        }
        long resource = defaultResource;
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            String name = f.getKey();
            JsonNode v = f.getValue();
            if (name.equals("checkpoint") && v.isTextual()) {
                checkpoint = v.asText();
            } else if ((name.equals("resource") || name.equals("step")) && v.isNumber()) {
                resource = v.asLong();
            } else if (v.isNumber()) {
                metrics.put(name, v.asDouble());
            }
        }
        if (metrics.isEmpty()) {
            return false;
        }
        points.add(new CurvePoint(resource, metrics));
        return true;
    }

    synchronized List<CurvePoint> curve() {
        return List.copyOf(points);
    }

    /** The last report's metrics, or empty when the program reported none. */
    synchronized Map<String, Double> last() {
        return points.isEmpty() ? Map.of() : points.get(points.size() - 1).metrics();
    }

    /** Where the last report says it was measured, or the segment's target when it said nothing. */
    synchronized long lastResource() {
        return points.isEmpty() ? defaultResource : points.get(points.size() - 1).resource();
    }

    /** The checkpoint path the program reported, or null. */
    synchronized String checkpoint() {
        return checkpoint;
    }
}
