package io.mutune.transfer.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The "wider is worse" check. Under muP and its relatives the best loss at the optimum falls as
 * width grows (Tensor Programs V: "wider is better" throughout training). When a wider proxy's best
 * loss is higher than a narrower one's by more than their noise, its search has not found its
 * optimum, and neither its optimum nor a rule through it can be trusted. Only scale points that
 * differ in width alone are compared.
 */
public final class WidthConvergence {

    private WidthConvergence() {
    }

    /**
     * @param best      each scale point's best loss
     * @param tolerance relative tolerance used where the noise is unknown (no replicates)
     * @return the problem, naming every scale point that needs more trials; empty when none rises
     */
    public static Optional<String> check(List<BestLoss> best, double tolerance) {
        Map<Map<String, Double>, List<BestLoss>> byOtherAxes = new LinkedHashMap<>();
        for (BestLoss b : best) {
            if (b.known() && b.scale().containsKey("width")) {
                Map<String, Double> rest = new LinkedHashMap<>(b.scale());
                rest.remove("width");
                byOtherAxes.computeIfAbsent(rest, k -> new ArrayList<>()).add(b);
            }
        }
        List<String> problems = new ArrayList<>();
        for (List<BestLoss> line : byOtherAxes.values()) {
            line.sort(Comparator.comparingDouble(b -> b.scale().get("width")));
            List<String> flagged = new ArrayList<>();
            List<String> rises = new ArrayList<>();
            boolean noiseKnown = line.stream().allMatch(b -> Double.isFinite(b.se()));
            for (int i = 1; i < line.size(); i++) {
                BestLoss narrow = line.get(i - 1);
                BestLoss wide = line.get(i);
                double allowed = noiseKnown ? OptimumEstimator.NOISE_BAND_Z * Math.hypot(narrow.se(), wide.se())
                        : tolerance * Math.abs(narrow.loss());
                if (wide.loss() > narrow.loss() + allowed) {
                    flagged.add(String.valueOf(wide.scale()));
                    rises.add(String.format(Locale.ROOT, "+%.2f%% at width %.0f against %.2f%% allowed", 100 * (wide.loss() / narrow.loss() - 1),
                            wide.scale().get("width"), 100 * allowed / narrow.loss()));
                }
            }
            if (!flagged.isEmpty()) {
                problems.add(String.format(Locale.ROOT,
                        "best loss rises with width (%s): the search at %s has not converged; add trials there (%s%s)",
                        describe(line), String.join(" and ", flagged), String.join(", ", rises),
                        noiseKnown ? "" : "; seed noise unknown, add search.replicates to measure it"));
            }
        }
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
    }

    private static String describe(List<BestLoss> line) {
        StringBuilder b = new StringBuilder();
        for (BestLoss l : line) {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(String.format(Locale.ROOT, "%.4g at width %.0f", l.loss(), l.scale().get("width")));
        }
        return b.toString();
    }
}
