package io.mutune.transfer.rules;

import io.mutune.transfer.optim.ScheduleSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads the spec's {@code rules:} section, which picks each hyperparameter's rule form:
 * <pre>
 * rules:
 *   lr: [width, tokens]                # a power law in these axes ("params" is N, "constant" none)
 *   weight_decay: timescale            # tau = B/(lr*wd*D) as a power law in D/N
 *   batch: tokens                      # B*(D) over the batch scale axis
 *   warmup: fraction                   # the warmup as a constant fraction of the horizon ([tokens]: a power law)
 *   lr: {form: [params, tokens], baseline: step-law}   # with the Step Law's figures reported beside
 * </pre>
 * Errors are one line naming the field: an unknown hyperparameter, form, axis or baseline.
 */
public final class RuleForms {
    private static final List<String> DERIVED_AXES = List.of("params", ScaleFacts.TOKENS_PER_PARAM);

    private RuleForms() {
    }

    /**
     * @param section         the {@code rules:} value as Jackson parses YAML, or null for none
     * @param hyperparameters the search space's names
     * @param scaleAxes       the sweep's scale axes
     */
    public static Map<String, RuleForm> parse(Object section, Collection<String> hyperparameters, Collection<String> scaleAxes) {
        Map<String, RuleForm> out = new LinkedHashMap<>();
        if (section == null) {
            return out;
        }
        if (!(section instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("rules: expected a map of hyperparameter to rule form, e.g. "
                    + "{weight_decay: timescale, batch: tokens, lr: [width, tokens]}; got '" + section + "'");
        }
        List<String> known = new ArrayList<>(hyperparameters);
        if (scaleAxes.contains("batch") && !known.contains("batch")) {
            known.add("batch");
        }
        for (Map.Entry<?, ?> e : m.entrySet()) {
            String key = String.valueOf(e.getKey());
            String name = key.equals("warmup") ? warmupOf(hyperparameters) : key;
            if (name == null || !known.contains(name)) {
                throw new IllegalArgumentException("rules." + key + ": unknown hyperparameter; expected one of " + new TreeSet<>(known)
                        + " (the search space" + (scaleAxes.contains("batch") ? " and scales.batch" : "") + ")"
                        + (key.equals("warmup") ? "; 'warmup' needs one of " + ScheduleSpec.WARMUP_HYPERPARAMETERS + " in the space" : ""));
            }
            out.put(name, form("rules." + key, name, e.getValue(), hyperparameters, scaleAxes));
        }
        return out;
    }

    private static RuleForm form(String field, String name, Object value, Collection<String> hyperparameters, Collection<String> axes) {
        Object shape = value;
        String baseline = null;
        if (value instanceof Map<?, ?> m) {
            for (Object k : m.keySet()) {
                if (!List.of("form", "baseline").contains(String.valueOf(k))) {
                    throw new IllegalArgumentException(field + ": unknown key '" + k + "'; expected form and baseline");
                }
            }
            shape = m.get("form");
            if (shape == null) {
                throw new IllegalArgumentException(field + ".form: required, e.g. [width, tokens]");
            }
            baseline = m.get("baseline") == null ? null : baseline(field + ".baseline", name, String.valueOf(m.get("baseline")));
        }
        boolean batchAxis = name.equals("batch") && axes.contains("batch") && !hyperparameters.contains("batch");
        boolean warmup = ScheduleSpec.WARMUP_HYPERPARAMETERS.contains(name);
        if (shape instanceof String s) {
            String form = s.toLowerCase(Locale.ROOT);
            if (form.equals("timescale")) {
                if (!isWeightDecay(name)) {
                    throw new IllegalArgumentException(field + ": 'timescale' is a weight-decay rule, not one for " + name);
                }
                if (!axes.contains("tokens")) {
                    throw new IllegalArgumentException(field + ": 'timescale' needs a tokens axis in scales (tau is a power law in D/N)");
                }
                return new RuleForm(name, RuleForm.Kind.TIMESCALE, List.of(ScaleFacts.TOKENS_PER_PARAM), baseline);
            }
            if (form.equals("fraction")) {
                if (!warmup) {
                    throw new IllegalArgumentException(field + ": 'fraction' is a warmup rule, not one for " + name);
                }
                return new RuleForm(name, RuleForm.Kind.WARMUP_FRACTION, List.of(), baseline);
            }
            List<String> ruleAxes = form.equals("constant") ? List.of() : List.of(axis(field, s, axes));
            return new RuleForm(name, kindFor(batchAxis, warmup), ruleAxes, baseline);
        }
        if (shape instanceof List<?> l) {
            List<String> ruleAxes = new ArrayList<>();
            for (Object a : l) {
                ruleAxes.add(axis(field, String.valueOf(a), axes));
            }
            if (batchAxis && ruleAxes.contains("batch")) {
                throw new IllegalArgumentException(field + ": the batch size cannot be a power law in itself");
            }
            return new RuleForm(name, kindFor(batchAxis, warmup), ruleAxes, baseline);
        }
        throw new IllegalArgumentException(field + ": expected a form (timescale, fraction, constant, an axis) or a list of axes, got '"
                + shape + "'");
    }

    private static RuleForm.Kind kindFor(boolean batchAxis, boolean warmup) {
        return batchAxis ? RuleForm.Kind.BATCH_SIZE : warmup ? RuleForm.Kind.WARMUP_FRACTION : RuleForm.Kind.POWER_LAW;
    }

    private static String axis(String field, String axis, Collection<String> axes) {
        List<String> allowed = new ArrayList<>(axes);
        if (axes.contains("width") || axes.contains("depth")) {
            allowed.add("params");
        }
        if (axes.contains("tokens")) {
            allowed.add(ScaleFacts.TOKENS_PER_PARAM);
        }
        if (!allowed.contains(axis)) {
            throw new IllegalArgumentException(field + ": unknown form '" + axis + "'; expected timescale, fraction, constant, "
                    + "or axes from " + allowed + " (the sweep's scales" + (allowed.stream().anyMatch(DERIVED_AXES::contains)
                    ? ", params = N, tokens_per_param = D/N" : "") + ")");
        }
        return axis;
    }

    private static String baseline(String field, String name, String baseline) {
        if (!baseline.equals(StepLaw.NAME)) {
            throw new IllegalArgumentException(field + ": unknown '" + baseline + "'; expected " + StepLaw.NAME);
        }
        if (!isLearningRate(name) && !name.equals("batch")) {
            throw new IllegalArgumentException(field + ": " + StepLaw.NAME + " has formulas for the learning rate and the batch size, not "
                    + name);
        }
        return baseline;
    }

    private static String warmupOf(Collection<String> hyperparameters) {
        List<String> w = hyperparameters.stream().filter(ScheduleSpec.WARMUP_HYPERPARAMETERS::contains).toList();
        return w.size() == 1 ? w.get(0) : null;
    }

    static boolean isWeightDecay(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.contains("weight_decay") || n.equals("wd");
    }

    static boolean isLearningRate(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.equals("lr") || n.contains("learning_rate");
    }
}
