package io.mutune.connectors.recommend;

import java.time.Instant;
import java.util.Map;

/** Small recommendation rows for tests: family mlp, muP, AdamW, rule log(v) = c + a*log(width). */
public final class Recs {
    private Recs() { }

    public static RecommendationRow row(String hp, double width, double value, String sweep) {
        return new RecommendationRow("mlp", "mup", "adamw", Map.of("width", width), hp, value, value * 0.5, value * 2.0,
                "power-law", Map.of("intercept", Math.log(value), "width", 0.0),
                "{\"ruleForm\":\"power-law\"}", 24, 3, 0.97, 0.05, "transfer_holds", sweep, 0L, Instant.EPOCH);
    }

    /** A row with a verdict and evidence of its own: {@code trials} trials at {@code points} scale points. */
    public static RecommendationRow judged(String hp, double width, double value, String sweep, String verdict, int trials, int points) {
        RecommendationRow r = row(hp, width, value, sweep);
        return new RecommendationRow(r.family(), r.parametrization(), r.optimizer(), r.targetScale(), hp, value, r.lower(), r.upper(),
                r.ruleForm(), r.coefficients(), r.ruleJson(), trials, points, r.fitQuality(), r.validationLogError(), verdict, sweep,
                0L, Instant.EPOCH);
    }

    /** A row with every schema-version-2 column set, validation included. */
    public static RecommendationRow measured(String hp, double width, double value, String sweep) {
        return row(hp, width, value, sweep)
                .withStatistics(new RecommendationStatistics(0.047, 0.031, 0.09, 14, 0.93, 0.41,
                        "every width exponent's interval holds 0", 0.512, 0.497, 0.531, 0.012, 0.034))
                .withValidation(new RecommendationValidation(0.018, 0.5, 3, "width=2048", "validate-1"));
    }
}
