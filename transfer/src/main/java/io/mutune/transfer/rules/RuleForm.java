package io.mutune.transfer.rules;

import java.util.List;
import java.util.Objects;

/**
 * How the spec's {@code rules:} section asks one hyperparameter to be carried to the target.
 *
 * @param hyperparameter its name in the search space, or the batch scale axis
 * @param kind           the rule
 * @param axes           the axes of the power law (of the value, of B*, or of the warmup fraction); empty for a
 *                       constant; for TIMESCALE always {@code [tokens_per_param]}
 * @param baseline       a literature formula to report next to the fitted rule ({@link StepLaw#NAME}), or null
 */
public record RuleForm(String hyperparameter, Kind kind, List<String> axes, String baseline) {

    /** Which rule. */
    public enum Kind {
        /** log hp* = c + sum a_k log(axis_k), in the named axes ({@code params} and {@code tokens_per_param} from {@link ScaleFacts}). */
        POWER_LAW,
        /** {@link TimescaleRule}: weight decay through tau = B/(lr·wd·D), a power law in D/N. */
        TIMESCALE,
        /** {@link BatchSizeRule}: B* over the batch scale axis, a power law in D by default. */
        BATCH_SIZE,
        /** {@link WarmupFractionRule}: warmup as a fraction of the horizon. */
        WARMUP_FRACTION
    }

    public RuleForm {
        Objects.requireNonNull(hyperparameter, "hyperparameter");
        Objects.requireNonNull(kind, "kind of " + hyperparameter);
        axes = List.copyOf(axes);
    }
}
