package io.mutune.transfer.recommend;

import io.mutune.transfer.rules.RuleForm;
import io.mutune.transfer.rules.RuleForms;
import io.mutune.transfer.rules.ScaleFacts;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which rule carries each hyperparameter to the target: the spec's {@code rules:} section (read by
 * {@link RuleForms#parse}) and what a scale point means in the laws' units (D, B, N). A
 * hyperparameter the plan does not name gets the default power law in every axis the sweep varies
 * ({@link io.mutune.transfer.rules.AxisSelection}); the batch axis gets a rule only when the plan
 * names it. Every form goes through the same noise-aware estimation, intervals and verdicts.
 *
 * @param forms by hyperparameter name (or the batch axis' name)
 * @param facts D, B and N of a scale point; may be null when no form needs them
 */
public record RulePlan(Map<String, RuleForm> forms, ScaleFacts facts) {

    /** No {@code rules:} section: every hyperparameter a power law in the varying axes. */
    public static final RulePlan DEFAULT = new RulePlan(Map.of(), null);

    public RulePlan {
        forms = Collections.unmodifiableMap(new LinkedHashMap<>(forms == null ? Map.of() : forms));
        for (RuleForm f : forms.values()) {
            if (facts == null && needsFacts(f)) {
                throw new IllegalArgumentException("rules." + f.hyperparameter() + ": a " + f.kind().name().toLowerCase(java.util.Locale.ROOT)
                        + " rule in " + f.axes() + (f.baseline() == null ? "" : " with the " + f.baseline() + " baseline")
                        + " needs the tokens (D), batch tokens (B) and parameter count (N) of each scale point, which only mutune's "
                        + "own proxies (model: mlp or transformer) provide");
            }
        }
    }

    /** True for a form that reads D, B or N: the timescale and warmup rules, the derived axes and the Step Law baseline. */
    static boolean needsFacts(RuleForm f) {
        return f.kind() == RuleForm.Kind.TIMESCALE || f.kind() == RuleForm.Kind.WARMUP_FRACTION || f.baseline() != null
                || usesDerivedAxes(f);
    }

    static boolean usesDerivedAxes(RuleForm f) {
        return f != null && (f.axes().contains("params") || f.axes().contains(ScaleFacts.TOKENS_PER_PARAM));
    }

    /**
     * What to recommend: the searched hyperparameters, then each scale axis with a batch-size form.
     *
     * @throws IllegalArgumentException naming {@code rules.<name>} when a form names a hyperparameter that was not searched
     */
    public List<String> quantities(List<String> hyperparameters) {
        List<String> out = new ArrayList<>(hyperparameters);
        forms.forEach((name, f) -> {
            if (f.kind() == RuleForm.Kind.BATCH_SIZE) {
                if (!out.contains(name)) {
                    out.add(name);
                }
            } else if (!hyperparameters.contains(name)) {
                throw new IllegalArgumentException("rules." + name + ": '" + name + "' is not among the searched hyperparameters "
                        + hyperparameters + "; a rule is fitted to trials that vary it");
            }
            if (f.kind() == RuleForm.Kind.TIMESCALE) {
                learningRate(name, hyperparameters);
            }
        });
        return out;
    }

    /** The learning rate the timescale rule of {@code weightDecay} divides by: the one searched lr. */
    static String learningRate(String weightDecay, List<String> hyperparameters) {
        List<String> lrs = hyperparameters.stream().filter(h -> h.equals("lr") || h.toLowerCase(java.util.Locale.ROOT).contains("learning_rate"))
                .toList();
        if (lrs.size() != 1) {
            throw new IllegalArgumentException("rules." + weightDecay + ": 'timescale' needs exactly one searched learning rate (lr), "
                    + "since tau = B/(lr*wd*D); the searched hyperparameters are " + hyperparameters);
        }
        return lrs.get(0);
    }
}
