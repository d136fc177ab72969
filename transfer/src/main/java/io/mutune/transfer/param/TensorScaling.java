package io.mutune.transfer.param;

import java.io.Serializable;

/**
 * What a parametrization prescribes for one tensor.
 *
 * @param initStd         standard deviation of its Gaussian initialisation (before the user's
 *                        {@code init_std} multiplier); ignored for biases (zero) and gains (one)
 * @param lrMult          its learning rate is the global learning rate times this
 * @param forwardMult     the layer multiplies its input by this (muP's readout 1/m)
 * @param weightDecayMult its weight decay is the global weight decay times this
 */
public record TensorScaling(double initStd, double lrMult, double forwardMult, double weightDecayMult)
        implements Serializable {
    public TensorScaling {
        for (double v : new double[] {initStd, lrMult, forwardMult, weightDecayMult}) {
            if (!Double.isFinite(v) || v < 0) {
                throw new IllegalArgumentException("tensor scaling entries must be finite and >= 0, got "
                        + initStd + ", " + lrMult + ", " + forwardMult + ", " + weightDecayMult);
            }
        }
    }
}
