package io.mutune.transfer.proxy;

import io.mutune.hpo.space.Configuration;

/**
 * The hyperparameters a proxy reads from a trial's configuration, by the names the spec uses.
 *
 * @param lr          peak learning rate (required)
 * @param initStd     multiplier on every random init (default 1)
 * @param outputMult  readout multiplier (default 1)
 * @param weightDecay weight decay (default 0)
 */
public record HyperParams(double lr, double initStd, double outputMult, double weightDecay) {

    public static HyperParams of(Configuration c) {
        if (!c.has("lr")) {
            throw new IllegalArgumentException("configuration has no hyperparameter 'lr' (required by the DJL proxies); it has "
                    + c.values().keySet());
        }
        HyperParams h = new HyperParams(c.getDouble("lr"), c.getDouble("init_std", 1.0),
                c.getDouble("output_mult", 1.0), c.getDouble("weight_decay", 0.0));
        if (!(h.lr > 0) || !Double.isFinite(h.lr)) {
            throw new IllegalArgumentException("hyperparameter 'lr' must be finite and > 0, got " + h.lr);
        }
        return h;
    }
}
