package io.mutune.transfer.data;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Regression examples from numeric feature and target columns of a Parquet file. The last 10%
 * of rows are held out for validation; training batches sample the rest by (seed, step).
 */
public final class ParquetFeatures implements DenseSource {
    private final float[][] x;
    private final float[][] y;
    private final int trainRows;

    private ParquetFeatures(float[][] x, float[][] y) {
        this.x = x;
        this.y = y;
        this.trainRows = (int) Math.floor(x.length * 0.9);
    }

    public static ParquetFeatures read(String file, List<String> features, List<String> targets) throws IOException {
        if (features.isEmpty() || targets.isEmpty()) {
            throw new IllegalArgumentException("proxy.data: a Parquet MLP task needs features and targets column lists, got features="
                    + features + " targets=" + targets);
        }
        List<String> all = new ArrayList<>(features);
        all.addAll(targets);
        double[][] cols = ParquetColumns.read(file, all);
        int rows = cols[0].length;
        if (rows < 10) {
            throw new IllegalArgumentException(file + ": " + rows + " rows; need at least 10 to hold some out for validation");
        }
        float[][] x = new float[rows][features.size()];
        float[][] y = new float[rows][targets.size()];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < features.size(); c++) {
                x[r][c] = (float) cols[c][r];
            }
            for (int c = 0; c < targets.size(); c++) {
                y[r][c] = (float) cols[features.size() + c][r];
            }
        }
        return new ParquetFeatures(x, y);
    }

    @Override
    public long trainingExamples() {
        return trainRows;
    }

    @Override
    public int inputDim() {
        return x[0].length;
    }

    @Override
    public int outputDim() {
        return y[0].length;
    }

    @Override
    public DenseBatch trainBatch(long seed, long step, int rows) {
        SplittableRandom r = new SplittableRandom(Seeds.mix(seed, step));
        int[] picks = new int[rows];
        for (int i = 0; i < rows; i++) {
            picks[i] = r.nextInt(trainRows);
        }
        return gather(picks);
    }

    @Override
    public DenseBatch validation(int rows) {
        int n = Math.min(rows, x.length - trainRows);
        int[] picks = new int[n];
        for (int i = 0; i < n; i++) {
            picks[i] = trainRows + i;
        }
        return gather(picks);
    }

    private DenseBatch gather(int[] rows) {
        int in = inputDim();
        int out = outputDim();
        float[] bx = new float[rows.length * in];
        float[] by = new float[rows.length * out];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(x[rows[i]], 0, bx, i * in, in);
            System.arraycopy(y[rows[i]], 0, by, i * out, out);
        }
        return new DenseBatch(rows.length, in, out, bx, by);
    }
}
