package io.mutune.bench;

import io.mutune.hpo.schedule.Rungs;
import io.mutune.hpo.space.Configuration;
import io.mutune.hpo.space.SearchSpace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parametric learning-curve family standing in for the DJL proxies until they exist: the final
 * loss depends on lr (with an optimum that moves with batch size), weight decay, batch size and
 * activation; larger learning rates learn faster early (so early curves rank trials imperfectly and
 * curves cross, the trap successive halving falls into); lr above 0.2 diverges. Mirrored in
 * bench/optuna_mf_driver.py.
 */
final class LearningCurves {
    static final long MAX_RESOURCE = 81;
    static final double BEST_FINAL = 0.30;

    /** The family as a {@link CurveFamily}, resource 1 to 81 with eta 3. */
    static final CurveFamily FAMILY = new Family();

    /** See {@link #FAMILY}. */
    static final class Family implements CurveFamily {
        @Override
        public String name() {
            return "parametric";
        }

        @Override
        public SearchSpace space() {
            return LearningCurves.space();
        }

        @Override
        public Rungs rungs() {
            return new Rungs(1, MAX_RESOURCE, 3);
        }

        @Override
        public double loss(Configuration c, long resource) {
            return LearningCurves.loss(c, resource);
        }

        @Override
        public double finalLoss(Configuration c) {
            return LearningCurves.finalLoss(c);
        }

        @Override
        public double bestFinal() {
            return BEST_FINAL;
        }
    }

    private LearningCurves() { }

    static SearchSpace space() {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("lr", Map.of("float", List.of(1e-5, 1.0), "log", true));
        spec.put("wd", Map.of("float", List.of(0.0, 0.2)));
        spec.put("batch", Map.of("int", List.of(16, 512), "log", true));
        spec.put("act", Map.of("categorical", List.of("relu", "gelu", "silu")));
        return SearchSpace.fromSpec(spec);
    }

    /** The loss the curve converges to at the maximum resource. */
    static double finalLoss(Configuration c) {
        double x = Math.log10(c.getDouble("lr"));
        double b = Math.log(c.getDouble("batch")) / Math.log(2);
        double wd = c.getDouble("wd");
        double xopt = -2.5 + 0.25 * (b - 7);
        double act = switch (c.getString("act")) {
            case "relu" -> 0.02;
            case "silu" -> 0.01;
            default -> 0.0;
        };
        return BEST_FINAL + 0.04 * (x - xopt) * (x - xopt) + (wd - 0.05) * (wd - 0.05) + 0.01 * (b - 7) * (b - 7) + act;
    }

    /** The loss after {@code r} resource, NaN once a too-large lr has diverged. */
    static double loss(Configuration c, long r) {
        double x = Math.log10(c.getDouble("lr"));
        double b = Math.log(c.getDouble("batch")) / Math.log(2);
        double wd = c.getDouble("wd");
        if (x > -0.7 && r >= 3) {
            return Double.NaN;
        }
        double alpha = 0.35 + 0.2 / (1 + Math.exp(-2 * (x + 2.5)));
        double start = 1.2 + 0.2 / (1 + Math.exp(2 * (x + 2.5))) + 0.5 * wd;
        double g = (Math.pow(r, -alpha) - Math.pow(MAX_RESOURCE, -alpha)) / (1 - Math.pow(MAX_RESOURCE, -alpha));
        double noise = 0.02 * g * Math.sin(1000 * (1.7 * x + 13.1 * wd + 0.7 * b) + 0.37 * r);
        return finalLoss(c) + start * g + noise;
    }

    /** Whether a configuration's final loss is within 1% of the best achievable. */
    static boolean onTarget(Configuration c) {
        return finalLoss(c) <= 1.01 * BEST_FINAL;
    }
}
