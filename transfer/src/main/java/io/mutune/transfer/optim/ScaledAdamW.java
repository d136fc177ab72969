package io.mutune.transfer.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.training.tracker.ParameterTracker;
import java.util.Map;

/**
 * AdamW (Loshchilov &amp; Hutter, 2019) with a learning rate and weight decay per tensor. The decay
 * is decoupled from the gradient and multiplied by the tensor's learning rate, as PyTorch's AdamW
 * defines it: W ← W − lr·wd·W − lr·m̂/(√v̂ + ε).
 *
 * <p>Call inside an {@code NDScope}: temporaries are released when the scope closes.
 */
public final class ScaledAdamW extends StatefulOptimizer {
    private final float beta1;
    private final float beta2;
    private final float epsilon;

    /**
     * @param lr          per-tensor learning rate (schedule included)
     * @param weightDecay per-tensor weight decay (global decay × parametrization multiplier)
     */
    public ScaledAdamW(ParameterTracker lr, Map<String, Double> weightDecay, float beta1, float beta2, float epsilon) {
        super(lr, weightDecay);
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1) || !(epsilon > 0)) {
            throw new IllegalArgumentException("adamw needs 0 <= beta < 1 and epsilon > 0, got beta1=" + beta1
                    + " beta2=" + beta2 + " epsilon=" + epsilon);
        }
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    /** The epsilon in the update's denominator, after the parametrization's multiplier. */
    public float epsilon() {
        return epsilon;
    }

    @Override
    protected int slotCount() {
        return 2;
    }

    @Override
    public void update(String tensor, NDArray weight, NDArray grad) {
        int t = nextUpdate(tensor);
        float rate = lr.getNewValue(tensor, t);
        NDArray[] s = slotsOf(tensor, weight);
        NDArray m = s[0];
        NDArray v = s[1];
        m.muli(beta1).addi(grad.mul(1 - beta1));
        v.muli(beta2).addi(grad.square().muli(1 - beta2));
        double bc1 = 1 - Math.pow(beta1, t + 1);
        double bc2 = 1 - Math.pow(beta2, t + 1);
        double wd = weightDecayOf(tensor);
        if (wd > 0) {
            weight.muli((float) (1 - rate * wd));
        }
        NDArray denom = v.sqrt().divi((float) Math.sqrt(bc2)).addi(epsilon);
        weight.subi(m.div(denom).muli((float) (rate / bc1)));
    }
}
