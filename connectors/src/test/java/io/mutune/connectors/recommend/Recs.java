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
}
