package io.mutune.transfer.rules;

/**
 * Whether a per-scale optimum sits on the edge of what was searched: no completed or diverged
 * trial lies beyond it, so the true optimum may be outside the range.
 */
public enum RangeEdge {
    NONE, LOWER, UPPER;

    public boolean isEdge() {
        return this != NONE;
    }
}
