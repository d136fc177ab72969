package io.mutune.transfer.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.training.tracker.ParameterTracker;
import java.util.Map;

/**
 * SGD with optional heavy-ball momentum and a learning rate and weight decay per tensor. Weight
 * decay is coupled (an L2 term added to the gradient), as PyTorch's SGD defines it.
 *
 * <p>Call inside an {@code NDScope}: temporaries are released when the scope closes.
 */
public final class ScaledSgd extends StatefulOptimizer {
    private final float momentum;

    public ScaledSgd(ParameterTracker lr, Map<String, Double> weightDecay, float momentum) {
        super(lr, weightDecay);
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("sgd momentum must be in [0, 1), got " + momentum);
        }
        this.momentum = momentum;
    }

    @Override
    protected int slotCount() {
        return 1;
    }

    @Override
    public void update(String tensor, NDArray weight, NDArray grad) {
        int t = nextUpdate(tensor);
        float rate = lr.getNewValue(tensor, t);
        double wd = weightDecayOf(tensor);
        NDArray g = wd > 0 ? grad.add(weight.mul((float) wd)) : grad;
        NDArray buf = slotsOf(tensor, weight)[0];
        if (momentum > 0) {
            buf.muli(momentum).addi(g);
            g = buf;
        }
        weight.subi(g.mul(rate));
    }
}
