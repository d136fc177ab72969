package io.mutune.transfer.proxy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.mutune.transfer.engine.TorchScalar;
import io.mutune.transfer.param.OptimizerFamily;
import io.mutune.transfer.param.Parametrization;
import io.mutune.transfer.param.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * A decoder-only, pre-norm transformer for next-token prediction (GPT-2 layout without biases):
 * token and position embeddings; per block h ← h + r·Attn(LN(h)), h ← h + r·MLP(LN(h)) with r the
 * parametrization's residual multiplier; final LN; untied readout scaled by its forward multiplier
 * and {@code output_mult}. Attention logits use the parametrization's scale (1/d_head under muP,
 * TP-V §4), causal mask, GELU MLP of width 4d or SwiGLU MLP down(silu(x·gate) ⊙ x·up) of width
 * round(8d/3) (Shazeer 2020; LLaMA's layout). The gate is a hidden matrix like the up projection,
 * so it takes the same muP and depth rules. The readout may start at zero (TP-V §D.2), which
 * removes the init term of the logits that muP shrinks as 1/√m.
 */
public final class TransformerModel implements ProxyModel {
    private static final float NEG = -1e9f;

    private final TransformerShape shape;
    private final ProxyTensor tokenEmbedding;
    private final ProxyTensor positionEmbedding;
    private final List<ProxyTensor[]> blocks = new ArrayList<>();
    private final ProxyTensor finalNorm;
    private final ProxyTensor readout;
    private final NDArray readoutMult;
    private final NDArray residualMult;
    private final NDArray attentionScale;
    private final NDArray causalMask;
    private final NDArray zeroBeta;
    private final List<ProxyTensor> tensors;
    private final double widthMult;
    private final double depthMult;

    public TransformerModel(NDManager manager, TransformerShape shape, TransformerShape base, Parametrization p,
                            OptimizerFamily family, long seed, double initMult, double outputMult, boolean zeroReadout) {
        if (shape.vocab() != base.vocab() || shape.context() != base.context() || !shape.mlp().equals(base.mlp())) {
            throw new IllegalArgumentException("base shape " + base + " must match " + shape + " in vocab, context and MLP");
        }
        this.shape = shape;
        int d = shape.width();
        int d0 = base.width();
        widthMult = (double) d / d0;
        depthMult = (double) shape.depth() / base.depth();
        TensorFactory f = new TensorFactory(manager, p, family, widthMult, depthMult, seed, initMult);
        // One-hot inputs: a lookup sums a single row, so its fan-in is 1 at every width.
        tokenEmbedding = f.embedding("embed.token", shape.vocab(), d, d0);
        positionEmbedding = f.embedding("embed.position", shape.context(), d, d0);
        for (int l = 0; l < shape.depth(); l++) {
            String b = "block" + l + ".";
            int h = shape.mlpWidth();
            int h0 = base.mlpWidth();
            List<ProxyTensor> block = new ArrayList<>(List.of(
                f.gain(b + "ln1", d, d0, true),
                f.weight(b + "attn.q", Role.HIDDEN, d, d, d0, d0, true, false),
                f.weight(b + "attn.k", Role.HIDDEN, d, d, d0, d0, true, false),
                f.weight(b + "attn.v", Role.HIDDEN, d, d, d0, d0, true, false),
                f.weight(b + "attn.o", Role.HIDDEN, d, d, d0, d0, true, false),
                f.gain(b + "ln2", d, d0, true),
                f.weight(b + "mlp.up", Role.HIDDEN, d, h, d0, h0, true, false),
                f.weight(b + "mlp.down", Role.HIDDEN, h, d, h0, d0, true, false)));
            if (shape.mlp().equals("swiglu")) {
                block.add(f.weight(b + "mlp.gate", Role.HIDDEN, d, h, d0, h0, true, false));
            }
            blocks.add(block.toArray(new ProxyTensor[0]));
        }
        finalNorm = f.gain("final.ln", d, d0, false);
        readout = f.weight("readout", Role.OUTPUT, d, shape.vocab(), d0, base.vocab(), false, zeroReadout);
        readoutMult = TorchScalar.of(manager, (float) (readout.scaling().forwardMult() * outputMult));
        residualMult = TorchScalar.of(manager, (float) p.residualMultiplier(depthMult));
        attentionScale = TorchScalar.of(manager, (float) p.attentionScale(shape.headDim(), base.headDim()));
        float[] mask = new float[shape.context() * shape.context()];
        for (int i = 0; i < shape.context(); i++) {
            for (int j = i + 1; j < shape.context(); j++) {
                mask[i * shape.context() + j] = NEG;
            }
        }
        causalMask = manager.create(mask, new Shape(shape.context(), shape.context()));
        zeroBeta = manager.zeros(new Shape(d));
        tensors = f.created();
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

    /** Logits [batch, context, vocab] for one-hot inputs [batch, context, vocab]. */
    public NDArray forward(NDArray oneHot, ActivationProbe probe) {
        NDArray h = oneHot.matMul(tokenEmbedding.array()).addi(positionEmbedding.array());
        probe.record("embed", h);
        for (int l = 0; l < blocks.size(); l++) {
            ProxyTensor[] b = blocks.get(l);
            NDArray attn = attention(norm(h, b[0]), b[1], b[2], b[3], b[4]);
            h = h.add(attn.muli(residualMult));
            probe.record("block" + l + ".attn", h);
            NDArray x = mlp(norm(h, b[5]), b);
            h = h.add(x.muli(residualMult));
            probe.record("block" + l + ".mlp", h);
        }
        NDArray logits = norm(h, finalNorm).mul(readoutMult).matMul(readout.array());
        probe.record("output", logits);
        return logits;
    }

    private static NDArray mlp(NDArray x, ProxyTensor[] b) {
        NDArray up = x.matMul(b[6].array());
        if (b.length > 8) {
            NDArray g = x.matMul(b[8].array());
            return g.mul(g.getNDArrayInternal().sigmoid()).muli(up).matMul(b[7].array());
        }
        return up.getNDArrayInternal().gelu().matMul(b[7].array());
    }

    private NDArray norm(NDArray x, ProxyTensor gain) {
        return x.getNDArrayInternal().layerNorm(x, new Shape(shape.width()), gain.array(), zeroBeta, 1e-5f).singletonOrThrow();
    }

    private NDArray attention(NDArray x, ProxyTensor wq, ProxyTensor wk, ProxyTensor wv, ProxyTensor wo) {
        long batch = x.getShape().get(0);
        int t = shape.context();
        int heads = shape.heads();
        int hd = shape.headDim();
        NDArray q = x.matMul(wq.array()).reshape(batch, t, heads, hd).transpose(0, 2, 1, 3);
        NDArray k = x.matMul(wk.array()).reshape(batch, t, heads, hd).transpose(0, 2, 3, 1);
        NDArray v = x.matMul(wv.array()).reshape(batch, t, heads, hd).transpose(0, 2, 1, 3);
        NDArray weights = q.matMul(k).muli(attentionScale).addi(causalMask).softmax(-1);
        NDArray mixed = weights.matMul(v).transpose(0, 2, 1, 3).reshape(batch, t, shape.width());
        return mixed.matMul(wo.array());
    }

    @Override
    public NDArray loss(NDArray inputs, NDArray targets, ActivationProbe probe) {
        NDArray logp = forward(inputs, probe).logSoftmax(-1);
        return logp.mul(targets).sum(new int[] {2}).mean().neg();
    }
}
