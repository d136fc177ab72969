package io.mutune.connectors.launch;

import java.util.Map;

/**
 * One hyperparameter of a {@link LauncherConfig}, with where it came from.
 *
 * @param source          {@code published} when the table holds this exact target, {@code rule} when the
 *                        stored rule was evaluated at the target
 * @param publishedTarget the target of the row the value came from (for {@code rule}: the row whose rule was used)
 * @param version         the publish version of that row
 * @param note            for {@code rule}: how the value and interval were derived; null for {@code published}
 */
public record LauncherValue(
        String hyperparameter,
        double value,
        double lower,
        double upper,
        String source,
        String sweepId,
        long version,
        String verdict,
        String ruleForm,
        Map<String, Double> coefficients,
        Map<String, Double> publishedTarget,
        String note) {

    public static final String PUBLISHED = "published";
    public static final String RULE = "rule";
}
