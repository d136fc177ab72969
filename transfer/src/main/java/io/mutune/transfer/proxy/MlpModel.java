package io.mutune.transfer.proxy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.mutune.transfer.engine.TorchScalar;
import io.mutune.transfer.param.OptimizerFamily;
import io.mutune.transfer.param.Parametrization;
import io.mutune.transfer.param.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * An MLP (ReLU, tanh, GELU or SwiGLU), regressor or classifier, whose init, per-tensor learning
 * rates and readout multiplier come from a {@link Parametrization}: input layer, {@code depth}
 * hidden layers (plain or residual), readout. The readout computes (forwardMult · output_mult · h)·W + b,
 * which under muP is microsoft/mup's {@code MuReadout} (output_mult · h / m).
 *
 * <p>SwiGLU (Shazeer 2020, "GLU Variants Improve Transformer") gives every layer that feeds an
 * activation a gate of its own shape and role: a ← silu(a·G + c) ⊙ (a·W + b). Each factor is a
 * pre-activation of the usual size, so the gate takes the same muP rule as the layer it gates
 * and the product stays Θ(1) in width. In a residual MLP the gated block is the branch,
 * z ← z + r·(silu(z·G + c) ⊙ (z·W + b)), and the stream itself feeds the next block.
 */
public final class MlpModel implements ProxyModel {
    private final MlpShape shape;
    private final ProxyTensor inputWeight;
    private final ProxyTensor inputBias;
    private final ProxyTensor[] inputGate;
    private final List<ProxyTensor[]> hidden = new ArrayList<>();
    private final List<ProxyTensor[]> hiddenGates = new ArrayList<>();
    private final ProxyTensor readoutWeight;
    private final ProxyTensor readoutBias;
    private final NDArray readoutMult;
    private final NDArray residualMult;
    private final boolean classification;
    private final List<ProxyTensor> tensors;
    private final double widthMult;
    private final double depthMult;

    /**
     * @param shape        this model's shape
     * @param base         the base shape the hyperparameters are tuned at (same input/output dims)
     * @param initMult     the {@code init_std} hyperparameter: multiplies every random init
     * @param outputMult   the {@code output_mult} hyperparameter
     * @param zeroReadout  zero-initialise the readout (an option muP allows; TP-V §D.2)
     * @param classification cross-entropy over the outputs against one-hot targets, else squared error
     */
    public MlpModel(NDManager manager, MlpShape shape, MlpShape base, Parametrization p, OptimizerFamily family,
                    long seed, double initMult, double outputMult, boolean zeroReadout, boolean classification) {
        if (shape.inputDim() != base.inputDim() || shape.outputDim() != base.outputDim() || shape.residual() != base.residual()
                || !shape.activation().equals(base.activation())) {
            throw new IllegalArgumentException("base shape " + base + " must match " + shape + " in input/output dims, residual and activation");
        }
        if (!Double.isFinite(outputMult)) {
            throw new IllegalArgumentException("output_mult must be finite, got " + outputMult);
        }
        this.shape = shape;
        this.classification = classification;
        widthMult = (double) shape.width() / base.width();
        depthMult = base.depth() == 0 ? 1.0 : (double) Math.max(1, shape.depth()) / base.depth();
        TensorFactory f = new TensorFactory(manager, p, family, widthMult, depthMult, seed, initMult);
        int w = shape.width();
        int w0 = base.width();
        inputWeight = f.weight("input.weight", Role.INPUT, shape.inputDim(), w, base.inputDim(), w0, false, false);
        inputBias = f.bias("input.bias", w, w0, false);
        inputGate = shape.gated() ? new ProxyTensor[] {
            f.weight("input.gate", Role.INPUT, shape.inputDim(), w, base.inputDim(), w0, false, false),
            f.bias("input.gate_bias", w, w0, false)} : null;
        for (int l = 0; l < shape.depth(); l++) {
            hidden.add(new ProxyTensor[] {
                f.weight("hidden" + l + ".weight", Role.HIDDEN, w, w, w0, w0, shape.residual(), false),
                f.bias("hidden" + l + ".bias", w, w0, shape.residual())});
            if (shape.gated()) {
                hiddenGates.add(new ProxyTensor[] {
                    f.weight("hidden" + l + ".gate", Role.HIDDEN, w, w, w0, w0, shape.residual(), false),
                    f.bias("hidden" + l + ".gate_bias", w, w0, shape.residual())});
            }
        }
        readoutWeight = f.weight("readout.weight", Role.OUTPUT, w, shape.outputDim(), w0, base.outputDim(), false, zeroReadout);
        readoutBias = f.bias("readout.bias", shape.outputDim(), base.outputDim(), false);
        readoutMult = TorchScalar.of(manager, (float) (readoutWeight.scaling().forwardMult() * outputMult));
        residualMult = TorchScalar.of(manager, (float) p.residualMultiplier(depthMult));
        tensors = f.created();
    }

    public MlpShape shape() {
        return shape;
    }

    @Override
    public double widthMult() {
        return widthMult;
    }

    @Override
    public double depthMult() {
        return depthMult;
    }

    @Override
    public List<ProxyTensor> tensors() {
        return tensors;
    }

    /** The network's output for a batch of inputs [rows, inputDim]. */
    public NDArray forward(NDArray x, ActivationProbe probe) {
        NDArray z = x.matMul(inputWeight.array()).addi(inputBias.array());
        probe.record("input", z);
        NDArray a = shape.gated() ? gate(x, inputGate).muli(z) : activate(z);
        if (shape.gated()) {
            z = a; // the residual stream starts at the gated input layer
        }
        for (int l = 0; l < hidden.size(); l++) {
            ProxyTensor[] layer = hidden.get(l);
            NDArray v = a.matMul(layer[0].array()).addi(layer[1].array());
            if (shape.residual()) {
                NDArray branch = shape.gated() ? gate(a, hiddenGates.get(l)).muli(v) : v;
                z = z.add(branch.muli(residualMult));
                a = shape.gated() ? z : activate(z);
                probe.record("hidden" + l, z);
            } else {
                a = shape.gated() ? gate(a, hiddenGates.get(l)).muli(v) : activate(v);
                probe.record("hidden" + l, a);
            }
        }
        NDArray out = a.mul(readoutMult).matMul(readoutWeight.array()).addi(readoutBias.array());
        probe.record("output", out);
        return out;
    }

    private NDArray activate(NDArray x) {
        return switch (shape.activation()) {
            case "tanh" -> x.tanh();
            case "gelu" -> x.getNDArrayInternal().gelu();
            default -> x.getNDArrayInternal().relu();
        };
    }

    /** silu(x·G + c) = u·sigmoid(u), the SwiGLU gate. */
    private static NDArray gate(NDArray x, ProxyTensor[] g) {
        NDArray u = x.matMul(g[0].array()).addi(g[1].array());
        return u.mul(u.getNDArrayInternal().sigmoid());
    }

    @Override
    public NDArray loss(NDArray inputs, NDArray targets, ActivationProbe probe) {
        NDArray out = forward(inputs, probe);
        if (classification) {
            return out.logSoftmax(-1).mul(targets).sum(new int[] {1}).mean().neg();
        }
        return out.subi(targets).square().mean();
    }
}
