package io.mutune.transfer.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One hyperparameter's optimum at every scale point, the interior ones that a rule may be fitted
 * to (an optimum on the edge of the searched range is a bound, not an estimate), and their
 * bootstrap replicates in fit space.
 *
 * @param evidence   every point's optimum, edge ones included
 * @param usable     the interior optima
 * @param replicates {@code [replicate][usable point]}
 */
record PointOptima(List<ScaleOptimum> evidence, List<ScaleOptimum> usable, double[][] replicates) {

    static Map<Map<String, Double>, List<TrialObservation>> byScale(List<TrialObservation> trials) {
        Map<Map<String, Double>, List<TrialObservation>> out = new LinkedHashMap<>();
        trials.forEach(t -> out.computeIfAbsent(t.scale(), k -> new ArrayList<>()).add(t));
        return out;
    }

    static PointOptima estimate(Map<Map<String, Double>, List<TrialObservation>> byScale, String hyperparameter, FitSpace space,
                                FitSettings settings) {
        List<ScaleOptimum> evidence = new ArrayList<>();
        List<ScaleOptimum> usable = new ArrayList<>();
        List<List<TrialObservation>> usableTrials = new ArrayList<>();
        byScale.forEach((scale, ts) -> {
            Optional<ScaleOptimum> o = settings.estimator().estimate(scale, hyperparameter, space, ts);
            o.ifPresent(evidence::add);
            if (o.isPresent() && !o.get().edge().isEdge()) {
                usable.add(o.get());
                usableTrials.add(ts);
            }
        });
        double[][] replicates = usable.isEmpty() ? new double[0][0] : BootstrapOptima.replicate(
                usable.stream().map(ScaleOptimum::scale).toList(), usableTrials, hyperparameter, space, settings.estimator(),
                settings.resamples(), settings.random());
        return new PointOptima(evidence, usable, replicates);
    }

    /** The usable optima with their scale points replaced (e.g. with derived axes added); same order. */
    List<ScaleOptimum> rescaled(java.util.function.UnaryOperator<Map<String, Double>> f) {
        return usable.stream().map(o -> new ScaleOptimum(o.hyperparameter(), f.apply(o.scale()), o.fitSpace(), o.value(),
                o.plateauLower(), o.plateauUpper(), o.method(), o.reason(), o.edge(), o.divergenceThreshold(), o.trials(),
                o.finalTrials(), o.finalResource(), o.bestMetric(), o.spacing(), o.bestRuns(), o.noise(), o.intervalLower(),
                o.intervalUpper(), o.lossAtOptimum())).toList();
    }

    /** Why no rule in {@code axes} can be fitted, or null when it can (at least axes + 2 interior optima). */
    String insufficientFor(List<String> axes) {
        int need = axes.size() + 2;
        return usable.size() >= need ? null : "insufficient: " + usable.size() + " scale points with an interior optimum ("
                + (evidence.size() - usable.size()) + " on the edge of the searched range), need at least " + need
                + " for a rule in " + (axes.isEmpty() ? "no axis (a constant)" : axes);
    }
}
