package io.mutune.transfer.proxy;

import ai.djl.ndarray.NDArray;
import io.mutune.transfer.param.Role;
import io.mutune.transfer.param.TensorScaling;

/**
 * One trainable tensor of a proxy model with the scaling its parametrization gave it.
 *
 * @param name      stable name, e.g. {@code hidden1.weight}; keys optimizer state and checkpoints
 * @param role      what it does
 * @param baseShape its shape at the base width/depth, saved in checkpoints
 * @param array     the live array (requires gradient)
 * @param scaling   init, learning-rate, forward and weight-decay multipliers
 */
public record ProxyTensor(String name, Role role, long[] baseShape, NDArray array, TensorScaling scaling) {
}
