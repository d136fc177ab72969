package io.mutune.transfer.data;

/**
 * A batch on the Java heap: {@code rows} examples of {@code inputs} features (or token ids) and
 * {@code targets} targets each, row-major.
 */
public record DenseBatch(int rows, int inputs, int targets, float[] x, float[] y) {
    public DenseBatch {
        if (x.length != rows * inputs || y.length != rows * targets) {
            throw new IllegalArgumentException("batch of " + rows + " rows needs " + rows * inputs + " inputs and "
                    + rows * targets + " targets, got " + x.length + " and " + y.length);
        }
    }
}
