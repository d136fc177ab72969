package io.mutune.transfer.proxy;

import io.mutune.transfer.data.TeacherRegression;
import java.io.Serializable;

/**
 * The spec's {@code data: {kind: teacher, ...}} for the MLP proxy.
 *
 * @param seed          the task seed: which teacher, which validation set
 * @param inputDim      features
 * @param outputDim     regression targets
 * @param teacherWidth  the teacher's hidden width
 * @param noise         label-noise standard deviation
 */
public record TeacherSpec(long seed, int inputDim, int outputDim, int teacherWidth, double noise) implements Serializable {

    public TeacherRegression task() {
        return new TeacherRegression(inputDim, outputDim, teacherWidth, noise, seed);
    }
}
