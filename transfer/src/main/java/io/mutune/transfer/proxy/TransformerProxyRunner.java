package io.mutune.transfer.proxy;

import ai.djl.ndarray.NDManager;
import io.mutune.hpo.runner.TrialSegment;
import io.mutune.transfer.data.TokenSource;

/**
 * Trial runner for the decoder-only transformer proxy on the synthetic HMM language: width from
 * the segment's {@code width} axis, depth from {@code depth} or the base depth, batch (sequences)
 * and horizon from {@code batch} and {@code tokens} (see {@link TrialHorizon}); reports
 * {@code val_loss} and {@code train_loss} in nats per token.
 *
 * <p>Heads: by default the head count stays at the base's and the head dimension grows with
 * width (microsoft/mup's transformer examples do this, and it is where muP's 1/d attention
 * differs from 1/√d); with {@code fixed_heads: false} the head dimension stays fixed instead.
 */
final class TransformerProxyRunner extends DjlProxyRunner {
    private static final long serialVersionUID = 1L;
    TransformerProxyRunner(ProxySpec spec) {
        super(spec);
    }

    @Override
    public ProxyTrial build(NDManager manager, TrialSegment segment) {
        HyperParams h = HyperParams.of(segment.config());
        LanguageSpec lang = spec.language();
        int width = segment.intScale("width");
        int depth = segment.scale().containsKey("depth") ? segment.intScale("depth") : spec.baseDepth();
        int baseHeadDim = spec.baseWidth() / lang.baseHeads();
        int heads = lang.fixedHeads() ? lang.baseHeads() : Math.max(1, width / baseHeadDim);
        TransformerShape shape = new TransformerShape(width, depth, heads, lang.context(), lang.vocab(), spec.activation());
        TransformerShape base = new TransformerShape(spec.baseWidth(), spec.baseDepth(), lang.baseHeads(), lang.context(), lang.vocab(), spec.activation());
        TransformerModel model = new TransformerModel(manager, shape, base, spec.parametrization(), spec.optimizer().family(),
                segment.seed(), h.initStd(), h.outputMult(), spec.readoutZeroInit());
        TokenSource language = lang.source();
        TrialHorizon horizon = TrialHorizon.of(spec, segment.scale(), segment.config());
        ProxyTask task = new LanguageTask(language, horizon.batch(), lang.context(), spec.validationSize());
        return ProxyTrial.assemble("transformer", model, shape, base, task, spec, h, horizon);
    }
}
