package io.mutune.transfer.proxy;

import io.mutune.transfer.data.DenseSource;
import io.mutune.transfer.data.ParquetFeatures;
import io.mutune.transfer.data.TeacherRegression;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/**
 * The spec's {@code data:} for the MLP proxy: a random teacher network ({@code kind: teacher}) or
 * feature and target columns of a Parquet file ({@code kind: parquet}).
 *
 * @param seed            the task seed: which teacher, which validation set
 * @param inputDim        features (teacher) — for Parquet, the number of feature columns
 * @param outputDim       regression targets or classes
 * @param teacherWidth    the teacher's hidden width
 * @param noise           label-noise standard deviation (regression)
 * @param classification  teacher labels are the argmax of its outputs; loss is cross-entropy
 * @param parquet         the Parquet file, or null for the teacher
 * @param features        Parquet feature columns
 * @param targets         Parquet target columns (regression)
 */
public record MlpDataSpec(long seed, int inputDim, int outputDim, int teacherWidth, double noise, boolean classification,
                          String parquet, List<String> features, List<String> targets) implements Serializable {

    public MlpDataSpec {
        features = features == null ? List.of() : List.copyOf(features);
        targets = targets == null ? List.of() : List.copyOf(targets);
    }

    public DenseSource source() {
        if (parquet == null) {
            return new TeacherRegression(inputDim, outputDim, teacherWidth, noise, seed, classification);
        }
        try {
            return ParquetFeatures.read(parquet, features, targets);
        } catch (IOException e) {
            throw new IllegalArgumentException("proxy.data.parquet: cannot read '" + parquet + "': " + e.getMessage(), e);
        }
    }
}
