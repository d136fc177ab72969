package io.mutune.transfer.proxy;

import ai.djl.ndarray.NDArray;

/** Sees each named layer's output during a forward pass (the coordinate check listens here). */
@FunctionalInterface
public interface ActivationProbe {
    ActivationProbe NONE = (layer, activation) -> { };

    void record(String layer, NDArray activation);
}
