package io.mutune.connectors.launch;

import io.mutune.connectors.recommend.RecommendationStatistics;
import io.mutune.connectors.recommend.RecommendationValidation;
import java.util.Map;
import java.util.Objects;

/**
 * One hyperparameter of a {@link LauncherConfig}, with where it came from.
 *
 * @param source          {@code published} when the table holds this exact target, {@code rule} when the
 *                        stored rule was evaluated at the target
 * @param publishedTarget the target of the row the value came from (for {@code rule}: the row whose rule was used)
 * @param version         the publish version of that row
 * @param note            for {@code rule}: how the value and interval were derived; null for {@code published}
 * @param statistics      that row's noise, verdict confidence, fit p-value, predicted loss and sensitivity
 *                        ({@link RecommendationStatistics#NONE} when unmeasured). The predicted loss is the
 *                        loss at {@code publishedTarget}, so for {@code rule} it is left out
 * @param validation      what validating that row measured, or null; left out for {@code rule}, where the
 *                        value is not the one that was validated
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
        String note,
        RecommendationStatistics statistics,
        RecommendationValidation validation) {

    public static final String PUBLISHED = "published";
    public static final String RULE = "rule";

    public LauncherValue {
        statistics = Objects.requireNonNullElse(statistics, RecommendationStatistics.NONE);
    }

    /** A value without statistics or validation (a table of schema version 1). */
    public LauncherValue(String hyperparameter, double value, double lower, double upper, String source, String sweepId, long version,
                         String verdict, String ruleForm, Map<String, Double> coefficients, Map<String, Double> publishedTarget,
                         String note) {
        this(hyperparameter, value, lower, upper, source, sweepId, version, verdict, ruleForm, coefficients, publishedTarget, note,
                RecommendationStatistics.NONE, null);
    }
}
