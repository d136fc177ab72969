package io.mutune.transfer.data;

import java.io.Serializable;
import java.util.SplittableRandom;

/**
 * A regression task with learnable structure: targets are the outputs of a fixed random teacher
 * network y = V·tanh(U·x) / √h, x ~ N(0, I), plus optional Gaussian label noise. The teacher is
 * drawn from {@code taskSeed}; training batches from (trial seed, step), so data never repeats
 * and a batch depends only on its index; the validation set from {@code taskSeed} on its own
 * stream, disjoint from every training stream.
 *
 * <p>As a classification task the label is the argmax of the teacher's outputs, one-hot.
 */
public final class TeacherRegression implements DenseSource, Serializable {
    private static final long serialVersionUID = 1L;
    private static final long VALIDATION_STREAM = -1L;

    private final int inputDim;
    private final int outputDim;
    private final int teacherWidth;
    private final double noise;
    private final long taskSeed;
    private final boolean classification;
    private final float[] u;
    private final float[] v;

    public TeacherRegression(int inputDim, int outputDim, int teacherWidth, double noise, long taskSeed,
                             boolean classification) {
        if (inputDim < 1 || outputDim < 1 || teacherWidth < 1) {
            throw new IllegalArgumentException("teacher dimensions must be >= 1, got input=" + inputDim
                    + " output=" + outputDim + " width=" + teacherWidth);
        }
        if (!(noise >= 0) || !Double.isFinite(noise)) {
            throw new IllegalArgumentException("teacher noise must be >= 0, got " + noise);
        }
        this.inputDim = inputDim;
        this.outputDim = outputDim;
        this.teacherWidth = teacherWidth;
        this.noise = noise;
        this.taskSeed = taskSeed;
        this.classification = classification;
        SplittableRandom r = new SplittableRandom(Seeds.mix(taskSeed, 0));
        this.u = gaussian(r, teacherWidth * inputDim, 2.0 / Math.sqrt(inputDim));
        this.v = gaussian(r, outputDim * teacherWidth, 1.0);
    }

    @Override
    public int inputDim() {
        return inputDim;
    }

    @Override
    public int outputDim() {
        return outputDim;
    }

    @Override
    public DenseBatch trainBatch(long seed, long step, int rows) {
        return sample(new SplittableRandom(Seeds.mix(Seeds.mix(seed, step), taskSeed)), rows);
    }

    /** The held-out set: the same for every trial of the task. */
    public DenseBatch validation(int rows) {
        return sample(new SplittableRandom(Seeds.mix(taskSeed, VALIDATION_STREAM)), rows);
    }

    private DenseBatch sample(SplittableRandom r, int rows) {
        float[] x = gaussian(r, rows * inputDim, 1.0);
        float[] y = new float[rows * outputDim];
        double[] hidden = new double[teacherWidth];
        double norm = 1.0 / Math.sqrt(teacherWidth);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < teacherWidth; j++) {
                double s = 0;
                for (int k = 0; k < inputDim; k++) {
                    s += u[j * inputDim + k] * x[i * inputDim + k];
                }
                hidden[j] = Math.tanh(s);
            }
            for (int o = 0; o < outputDim; o++) {
                double s = 0;
                for (int j = 0; j < teacherWidth; j++) {
                    s += v[o * teacherWidth + j] * hidden[j];
                }
                y[i * outputDim + o] = (float) (s * norm + (noise > 0 ? noise * r.nextGaussian() : 0));
            }
            if (classification) {
                oneHotArgmax(y, i * outputDim, outputDim);
            }
        }
        return new DenseBatch(rows, inputDim, outputDim, x, y);
    }

    private static void oneHotArgmax(float[] y, int from, int n) {
        int best = from;
        for (int k = from + 1; k < from + n; k++) {
            if (y[k] > y[best]) {
                best = k;
            }
        }
        java.util.Arrays.fill(y, from, from + n, 0f);
        y[best] = 1f;
    }

    static float[] gaussian(SplittableRandom r, int n, double std) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (std * r.nextGaussian());
        }
        return a;
    }
}
