package io.mutune.connectors.recommend;

import java.io.Serializable;
import java.time.Instant;
import java.util.Map;

/**
 * One row of the recommendations table (DESIGN.md, table {@code recommendations}): one
 * hyperparameter of one model family at one target scale. The key is (family, parametrization,
 * optimizer, target scale, hyperparameter); a publish replaces the row with the same key.
 *
 * @param ruleJson the rule that produced the value, as JSON, so a launcher can evaluate it at a
 *                 scale that was never published
 * @param version  the publish number of the table that wrote this row
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
        Instant createdAt) implements Serializable {

    public RecommendationRow {
        targetScale = Map.copyOf(targetScale);
        coefficients = Map.copyOf(coefficients);
    }

    public RecommendationRow withVersion(long v, Instant at) {
        return new RecommendationRow(family, parametrization, optimizer, targetScale, hyperparameter, value, lower, upper,
                ruleForm, coefficients, ruleJson, evidenceTrials, evidenceScalePoints, fitQuality, validationLogError, verdict,
                sweepId, v, at);
    }
}
