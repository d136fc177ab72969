package io.mutune.transfer.checkpoint;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything a proxy trial needs to continue bit-for-bit: the step reached, the base shapes,
 * multipliers and parametrization in force, the weights, and the optimizer's state.
 *
 * @param trialId  the trial that wrote it
 * @param step     optimizer steps completed
 * @param shapes   the trial's shape facts (model shape, base shape, parametrization, optimizer);
 *                 a checkpoint without them, or with different ones, is refused on load
 * @param tensors  weights by tensor name
 * @param slots    optimizer state buffers by tensor name
 * @param updates  optimizer update counts by tensor name
 */
public record TrialCheckpoint(String trialId, long step, Map<String, String> shapes, Map<String, Tensor> tensors,
                              Map<String, Tensor[]> slots, Map<String, Integer> updates) {

    /** A tensor's shape and values. */
    public record Tensor(long[] shape, float[] values) {
        public Tensor {
            long n = 1;
            for (long d : shape) {
                n *= d;
            }
            if (n != values.length) {
                throw new IllegalArgumentException("tensor of shape " + java.util.Arrays.toString(shape) + " needs " + n
                        + " values, got " + values.length);
            }
        }
    }

    public TrialCheckpoint {
        shapes = new LinkedHashMap<>(shapes);
        tensors = new LinkedHashMap<>(tensors);
        slots = new LinkedHashMap<>(slots);
        updates = new LinkedHashMap<>(updates);
    }
}
