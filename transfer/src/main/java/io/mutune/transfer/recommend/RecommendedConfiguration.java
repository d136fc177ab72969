package io.mutune.transfer.recommend;

import io.mutune.hpo.space.Configuration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The configuration a launcher trains with at one target: each hyperparameter's recommended value. */
public final class RecommendedConfiguration {

    private RecommendedConfiguration() {
    }

    /**
     * @param recommendations output of {@link Recommender#recommend}, any targets
     * @param target          the target scale point to pick
     * @throws IllegalArgumentException when no recommendation is for {@code target}, or one has no value
     */
    public static Configuration at(List<Recommendation> recommendations, Map<String, Double> target) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Recommendation r : recommendations) {
            if (r.targetScale().equals(target)) {
                if (!Double.isFinite(r.value())) {
                    throw new IllegalArgumentException("no value for '" + r.hyperparameter() + "' at " + target + ": " + r.ruleForm());
                }
                values.put(r.hyperparameter(), r.value());
            }
        }
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no recommendation for target " + target);
        }
        return new Configuration(values);
    }
}
