package io.mutune.transfer.param;

/**
 * Optimizer families that need different muP learning-rate rules: an entrywise-normalised update
 * (Adam, AdamW) against a raw gradient step (SGD). Tensor Programs V, Table 3.
 */
public enum OptimizerFamily {
    SGD,
    ADAM;

    /** The family of an optimizer named in the spec ({@code sgd}, {@code adam}, {@code adamw}). */
    public static OptimizerFamily ofOptimizer(String field, String optimizer) {
        return switch (optimizer.toLowerCase(java.util.Locale.ROOT)) {
            case "sgd" -> SGD;
            case "adam", "adamw" -> ADAM;
            default -> throw new IllegalArgumentException(field + ": unknown optimizer '" + optimizer + "'; expected one of sgd, adam, adamw");
        };
    }
}
