package io.mutune.transfer.proxy;

import java.util.Map;

/**
 * N, the parameter count the scaling rules use, of a proxy at a scale point, counted from the same
 * shapes the models build. The transformer counts its non-embedding parameters (attention, MLP and
 * norm gains of every block, and the final norm; not the token and position embeddings nor the
 * readout), as Kaplan et al. and the Step Law define N; the MLP counts all of its weights and biases.
 */
public final class ParameterCount {
    private ParameterCount() {
    }

    /** N at {@code scale} (its {@code width}, and {@code depth} or the base depth). */
    public static long of(ProxySpec spec, Map<String, Double> scale) {
        Double w = scale.get("width");
        if (w == null) {
            throw new IllegalArgumentException("a parameter count needs a width; scale point " + scale + " has none");
        }
        long d = Math.round(w);
        long depth = scale.containsKey("depth") ? Math.round(scale.get("depth")) : spec.baseDepth();
        if (spec.language() != null) {
            TransformerShape s = new TransformerShape((int) d, (int) depth, 1, spec.language().context(), spec.language().vocab(),
                    spec.activation());
            long mlp = (long) s.mlpWidth() * d * (spec.activation().equals("swiglu") ? 3 : 2);
            return depth * (2 * d + 4 * d * d + mlp) + d;
        }
        long in = spec.mlpData().parquet() == null ? spec.mlpData().inputDim() : spec.mlpData().features().size();
        long out = spec.mlpData().parquet() == null ? spec.mlpData().outputDim() : spec.mlpData().targets().size();
        long gates = spec.activation().equals("swiglu") ? 2 : 1;
        return gates * (in * d + d) + gates * depth * (d * d + d) + d * out + out;
    }
}
