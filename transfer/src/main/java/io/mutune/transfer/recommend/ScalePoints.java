package io.mutune.transfer.recommend;

import io.mutune.transfer.rules.TrialObservation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Trials grouped by scale point, smallest first. Every trial must name the same scale axes: a
 * sweep that mixes {width} and {width, depth} points has no single rule form.
 */
final class ScalePoints {

    private final Map<Map<String, Double>, List<TrialObservation>> byScale = new LinkedHashMap<>();
    private final Set<String> axes;

    ScalePoints(List<TrialObservation> trials) {
        if (trials == null || trials.isEmpty()) {
            throw new IllegalArgumentException("no trials to recommend from");
        }
        axes = new TreeSet<>(trials.get(0).scale().keySet());
        Map<Map<String, Double>, List<TrialObservation>> grouped = new LinkedHashMap<>();
        for (TrialObservation t : trials) {
            if (!t.scale().keySet().equals(axes)) {
                throw new IllegalArgumentException("trial " + t.trialId() + " has scale axes " + t.scale().keySet()
                        + " but trial " + trials.get(0).trialId() + " has " + axes);
            }
            grouped.computeIfAbsent(t.scale(), k -> new ArrayList<>()).add(t);
        }
        List<String> axisList = List.copyOf(axes);
        grouped.entrySet().stream()
                .sorted(Comparator.comparingDouble(e -> logSize(e.getKey(), axisList)))
                .forEach(e -> byScale.put(e.getKey(), e.getValue()));
    }

    static double logSize(Map<String, Double> scale, List<String> axes) {
        return axes.stream().mapToDouble(a -> Math.log(scale.get(a))).sum();
    }

    Map<Map<String, Double>, List<TrialObservation>> byScale() {
        return byScale;
    }

    Set<String> axes() {
        return axes;
    }
}
