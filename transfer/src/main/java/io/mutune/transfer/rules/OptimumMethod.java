package io.mutune.transfer.rules;

/** How a per-scale optimum was found. */
public enum OptimumMethod {
    /** Vertex of a local quadratic fitted to loss against the hyperparameter (in its fit space). */
    QUADRATIC,
    /** The best observed value; used when the quadratic is ill-posed (the reason is recorded). */
    ARGMIN
}
