package io.mutune.transfer.proxy;

import ai.djl.ndarray.NDManager;
import io.mutune.hpo.runner.TrialSegment;

/** Trial runner for the decoder-only transformer proxy. */
final class TransformerProxyRunner extends DjlProxyRunner {
    private static final long serialVersionUID = 1L;

    TransformerProxyRunner(ProxySpec spec) {
        super(spec);
    }

    @Override
    ProxyTrial build(NDManager manager, TrialSegment segment) {
        throw new UnsupportedOperationException("proxy.model: transformer is not built yet");
    }
}
