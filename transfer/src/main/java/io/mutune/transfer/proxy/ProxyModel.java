package io.mutune.transfer.proxy;

import ai.djl.ndarray.NDArray;
import java.util.List;

/** A proxy network built from a parametrization: its tensors and its training loss. */
public interface ProxyModel {

    /** Width over the base width the hyperparameters were tuned at. */
    double widthMult();

    /** Depth over the base depth (1 for a model without hidden layers at its base). */
    double depthMult();

    /** Every trainable tensor, in a fixed order. */
    List<ProxyTensor> tensors();

    /** Mean loss of a batch; {@code probe} sees each layer's activations. */
    NDArray loss(NDArray inputs, NDArray targets, ActivationProbe probe);
}
