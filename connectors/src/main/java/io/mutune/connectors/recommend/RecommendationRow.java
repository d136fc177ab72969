package io.mutune.connectors.recommend;

import java.io.Serializable;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One row of the recommendations table (DESIGN.md, table {@code recommendations}): one
 * hyperparameter of one model family at one target scale. The key is (family, parametrization,
 * optimizer, target scale, hyperparameter); a publish replaces the row with the same key.
 *
 * @param ruleJson   the rule that produced the value, as JSON, so a launcher can evaluate it at a
 *                   scale that was never published
 * @param version    the publish number of the table that wrote this row
 * @param statistics how sure the recommendation is; {@link RecommendationStatistics#NONE} when unmeasured
 * @param validation what validating it at a larger scale measured; null when it was not validated
 */
public record RecommendationRow(
        String family,
        String parametrization,
        String optimizer,
        Map<String, Double> targetScale,
        String hyperparameter,
        double value,
        double lower,
        double upper,
        String ruleForm,
        Map<String, Double> coefficients,
        String ruleJson,
        int evidenceTrials,
        int evidenceScalePoints,
        double fitQuality,
        Double validationLogError,
        String verdict,
        String sweepId,
        long version,
        Instant createdAt,
        RecommendationStatistics statistics,
        RecommendationValidation validation) implements Serializable {

    public RecommendationRow {
        targetScale = Map.copyOf(targetScale);
        coefficients = Map.copyOf(coefficients);
        statistics = Objects.requireNonNullElse(statistics, RecommendationStatistics.NONE);
    }

    /** A row without the schema-version-2 statistics and not validated. */
    public RecommendationRow(String family, String parametrization, String optimizer, Map<String, Double> targetScale,
                             String hyperparameter, double value, double lower, double upper, String ruleForm,
                             Map<String, Double> coefficients, String ruleJson, int evidenceTrials, int evidenceScalePoints,
                             double fitQuality, Double validationLogError, String verdict, String sweepId, long version,
                             Instant createdAt) {
        this(family, parametrization, optimizer, targetScale, hyperparameter, value, lower, upper, ruleForm, coefficients, ruleJson,
                evidenceTrials, evidenceScalePoints, fitQuality, validationLogError, verdict, sweepId, version, createdAt,
                RecommendationStatistics.NONE, null);
    }

    public RecommendationRow withVersion(long v, Instant at) {
        return new RecommendationRow(family, parametrization, optimizer, targetScale, hyperparameter, value, lower, upper,
                ruleForm, coefficients, ruleJson, evidenceTrials, evidenceScalePoints, fitQuality, validationLogError, verdict,
                sweepId, v, at, statistics, validation);
    }

    public RecommendationRow withStatistics(RecommendationStatistics s) {
        return new RecommendationRow(family, parametrization, optimizer, targetScale, hyperparameter, value, lower, upper,
                ruleForm, coefficients, ruleJson, evidenceTrials, evidenceScalePoints, fitQuality, validationLogError, verdict,
                sweepId, version, createdAt, s, validation);
    }

    public RecommendationRow withValidation(RecommendationValidation v) {
        return new RecommendationRow(family, parametrization, optimizer, targetScale, hyperparameter, value, lower, upper,
                ruleForm, coefficients, ruleJson, evidenceTrials, evidenceScalePoints, fitQuality, validationLogError, verdict,
                sweepId, version, createdAt, statistics, v);
    }
}
