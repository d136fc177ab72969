package io.mutune.transfer.proxy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a proxy spec against the sweep's scale axes before anything runs: every batch is a whole
 * number the data can fill, every (tokens, batch) point has a horizon of at least one step that
 * its warmup fits in, and the resource and schedule say nothing the tokens axis contradicts.
 * Errors name the field, e.g. {@code proxy.schedule.warmup_tokens: warmup of 120 steps is not
 * shorter than the horizon of 98 steps (scales.tokens 100000 at batch 32, 1024 tokens per step)}.
 */
final class ProxyAxes {
    private ProxyAxes() {
    }

    static void check(ProxySpec spec, Map<String, List<Double>> scales) {
        List<Double> tokens = scales.getOrDefault("tokens", List.of());
        List<Double> batches = scales.getOrDefault("batch", List.of());
        String unit = spec.resourceUnit();
        if (!tokens.isEmpty()) {
            if (spec.optimizer().schedule().totalSteps() > 0) {
                throw new IllegalArgumentException("proxy.schedule.total_steps: scales.tokens sets each scale point's horizon; "
                        + "remove total_steps");
            }
            if (!unit.equals("auto") && !unit.equals("horizon")) {
                throw new IllegalArgumentException("proxy.resource_unit: '" + unit + "' counts absolute " + unit
                        + ", but scales.tokens gives each scale point its own horizon; leave resource_unit out "
                        + "(the resource is then a fraction of the horizon, search.resource.max all of it)");
            }
        } else if (unit.equals("horizon")) {
            throw new IllegalArgumentException("proxy.resource_unit: 'horizon' needs a tokens axis in scales");
        }
        long capacity = trainingCapacity(spec);
        for (double b : batches.isEmpty() ? List.of((double) spec.batchSize()) : batches) {
            String field = batches.isEmpty() ? "proxy.batch_size" : "scales.batch";
            if (!(b >= 1) || b != Math.rint(b) || b > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(field + ": " + TrialHorizon.format(b) + " is not a whole number of examples >= 1");
            }
            long needs = (long) b * (spec.language() == null ? 1 : spec.language().context() + 1);
            if (needs > capacity) {
                throw new IllegalArgumentException(field + ": a batch of " + TrialHorizon.format(b) + (spec.language() == null
                        ? " examples exceeds the " + capacity + " training rows" : " sequences (" + needs
                        + " tokens) exceeds the " + capacity + " training tokens") + " of proxy.data.parquet " + dataFile(spec));
            }
            for (double t : tokens.isEmpty() ? List.of(Double.NaN) : tokens) {
                Map<String, Double> point = new LinkedHashMap<>();
                if (!batches.isEmpty()) {
                    point.put("batch", b);
                }
                if (!Double.isNaN(t)) {
                    point.put("tokens", t);
                }
                TrialHorizon.of(spec, point);
            }
        }
    }

    /** The scale points left to tune once runs at the longest horizon branch the shorter ones. */
    static List<Map<String, Double>> tuned(ProxySpec spec, List<Map<String, Double>> points) {
        List<Map<String, Double>> out = new ArrayList<>();
        for (Map<String, Double> p : points) {
            if (!p.containsKey("tokens") || !DecayBranches.branched(spec, p.get("tokens"))) {
                out.add(p);
            }
        }
        return out;
    }

    private static long trainingCapacity(ProxySpec spec) {
        if (spec.language() != null) {
            return spec.language().parquet() == null ? Long.MAX_VALUE : spec.language().source().trainingTokens();
        }
        return spec.mlpData().parquet() == null ? Long.MAX_VALUE : spec.mlpData().source().trainingExamples();
    }

    private static String dataFile(ProxySpec spec) {
        return spec.language() != null ? spec.language().parquet() : spec.mlpData().parquet();
    }
}
