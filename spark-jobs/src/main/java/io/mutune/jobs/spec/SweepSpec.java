package io.mutune.jobs.spec;

import io.mutune.jobs.validate.ValidationPlan;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed, validated sweep spec. Sections that another module interprets ({@code proxy},
 * {@code search.space}, {@code rules}) are kept as the parsed maps and handed to that module, which
 * validates them with its own field-naming errors ({@code rules}: {@code io.mutune.transfer.rules.RuleForms}).
 * {@code validate} is the optional {@code validate:} section (null when absent): what to train at a
 * target after the sweep publishes.
 */
public record SweepSpec(
        String sweep,
        long seed,
        Map<String, Object> proxy,
        Map<String, List<Double>> scales,
        Search search,
        Resources resources,
        List<Map<String, Double>> targets,
        Output output,
        ValidationPlan validate,
        Map<String, Object> rules) implements Serializable {

    public SweepSpec {
        rules = rules == null ? Map.of() : rules;
    }

    /**
     * The search section: algorithm, metric to optimise, its space, the resource per trial, and the
     * seed replicates ({@code replicates}: runs per configuration; {@code confirm}: the top
     * {@code confirmTopK} configurations re-trained with {@code confirmSeeds} fresh seeds at the end).
     */
    public record Search(
            String algorithm,
            String metric,
            String mode,
            Map<String, Object> space,
            Resource resource,
            int trialsPerScale,
            Map<String, Object> options,
            int replicates,
            int confirmTopK,
            int confirmSeeds) implements Serializable { }

    /** The training resource a trial is measured in (steps, tokens...) and its multi-fidelity range. */
    public record Resource(String name, long min, long max, double eta) implements Serializable { }

    /** What each trial needs from the cluster and how often a failed trial is retried. */
    /**
     * @param queueAhead segments handed to Spark per executor beyond its free slots, so that a slot that
     *                   frees starts the next segment at once instead of waiting for the driver to notice,
     *                   ask its tuner and submit; 0 keeps exactly one segment per slot
     * @param weight     the sweep's share of the cluster beside other sweeps of the same application: its FAIR
     *                   pool's weight (a sweep of weight 3 gets three slots for every one of a sweep of weight 1)
     * @param pool       the FAIR pool the segments go to; null for {@code mutune-SWEEP_NAME}
     */
    public record Resources(double gpusPerTrial, int maxRetries, long trialTimeoutSeconds, int queueAhead, int weight, String pool)
            implements Serializable {

        /** Alone on its cluster: weight 1, the default pool. */
        public Resources(double gpusPerTrial, int maxRetries, long trialTimeoutSeconds, int queueAhead) {
            this(gpusPerTrial, maxRetries, trialTimeoutSeconds, queueAhead, 1, null);
        }
    }

    /** Where the journal, the recommendations and the checkpoints go. */
    public record Output(String trials, String recommendations, String checkpoints) implements Serializable { }

    /**
     * The scale points a sweep tunes at: every combination of the scale axes, in spec order, less
     * the shorter token horizons that a DJL proxy under WSD measures by branching decays off the
     * runs at the longest one (their results come back as branch metrics of those runs).
     */
    public List<Map<String, Double>> scalePoints() {
        List<Map<String, Double>> all = allScalePoints();
        return "command".equals(model()) ? all : io.mutune.transfer.proxy.ProxyRunners.tunedScalePoints(proxy, all);
    }

    /** Every combination of the scale axes, in spec order. */
    public List<Map<String, Double>> allScalePoints() {
        List<Map<String, Double>> points = new ArrayList<>();
        points.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<Double>> axis : scales.entrySet()) {
            List<Map<String, Double>> next = new ArrayList<>();
            for (Map<String, Double> p : points) {
                for (Double v : axis.getValue()) {
                    Map<String, Double> q = new LinkedHashMap<>(p);
                    q.put(axis.getKey(), v);
                    next.add(q);
                }
            }
            points = next;
        }
        return points.stream().map(p -> (Map<String, Double>) java.util.Collections.unmodifiableMap(p)).toList();
    }

    /** A short, stable name of a scale point, e.g. {@code w256} or {@code w256-d4}; prefixes trial ids. */
    public static String scaleKey(Map<String, Double> point) {
        StringBuilder sb = new StringBuilder();
        point.forEach((axis, v) -> {
            if (sb.length() > 0) {
                sb.append('-');
            }
            sb.append(axis.charAt(0)).append(formatAxisValue(v));
        });
        return sb.toString();
    }

    private static String formatAxisValue(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            long l = (long) v;
            return String.valueOf(l);
        }
        return String.valueOf(v);
    }

    public String model() {
        return String.valueOf(proxy.get("model"));
    }

    public String parametrization() {
        return String.valueOf(proxy.getOrDefault("parametrization", "sp"));
    }

    public String optimizer() {
        return String.valueOf(proxy.getOrDefault("optimizer", "adamw"));
    }
}
