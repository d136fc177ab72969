package io.mutune.transfer.param;

/**
 * Where a tensor sits, as much as a parametrization needs to know to scale it.
 *
 * @param role         what the tensor does
 * @param fanIn        its fan-in at the current width (1 for biases and gains)
 * @param baseFanIn    its fan-in at the base shape the hyperparameters were tuned at
 * @param widthMult    m = width / base width
 * @param depthMult    depth / base depth (1 when depth is not a scale axis)
 * @param inResidualBranch whether the tensor lives inside a residual branch, where depth rules apply
 * @param family       the optimizer family that will train it
 */
public record TensorPlacement(Role role, long fanIn, long baseFanIn, double widthMult, double depthMult,
                              boolean inResidualBranch, OptimizerFamily family) {
    public TensorPlacement {
        if (fanIn < 1 || baseFanIn < 1) {
            throw new IllegalArgumentException("fan-in must be >= 1, got fanIn=" + fanIn + " baseFanIn=" + baseFanIn);
        }
        if (!(widthMult > 0) || !(depthMult > 0)) {
            throw new IllegalArgumentException("width and depth multipliers must be > 0, got " + widthMult + ", " + depthMult);
        }
    }
}
