package io.mutune.transfer.proxy;

import ai.djl.ndarray.NDArray;
import java.util.List;

/** A proxy network built from a parametrization: its tensors and its training loss. */
public interface ProxyModel {

    /** Every trainable tensor, in a fixed order. */
    List<ProxyTensor> tensors();

    /** Mean loss of a batch; {@code probe} sees each layer's activations. */
    NDArray loss(NDArray inputs, NDArray targets, ActivationProbe probe);
}
