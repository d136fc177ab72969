package io.mutune.transfer.proxy;

import ai.djl.ndarray.NDManager;
import io.mutune.hpo.runner.TrialSegment;
import io.mutune.transfer.data.HmmLanguage;
import io.mutune.transfer.data.TokenSource;
import io.mutune.transfer.data.TokenStream;

/**
 * Trial runner for the decoder-only transformer proxy on the synthetic HMM language: width from
 * the segment's {@code width} axis, depth from {@code depth} or the base depth; reports
 * {@code val_loss} and {@code train_loss} in nats per token.
 *
 * <p>Heads: by default the head count stays at the base's and the head dimension grows with
 * width (microsoft/mup's transformer examples do this, and it is where muP's 1/d attention
 * differs from 1/√d); with {@code fixed_heads: false} the head dimension stays fixed instead.
 */
final class TransformerProxyRunner extends DjlProxyRunner {
    private static final long serialVersionUID = 1L;
    /** Each HMM state has 3 successors and emits 4 tokens: structured, and far from uniform. */
    static final int BRANCHING = 3;
    static final int EMISSIONS = 4;

    TransformerProxyRunner(ProxySpec spec) {
        super(spec);
    }

    private static TokenSource readParquet(LanguageSpec lang) {
        try {
            return TokenStream.fromParquet(lang.parquet(), lang.column(), lang.vocab());
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("proxy.data.parquet: cannot read '" + lang.parquet() + "': " + e.getMessage(), e);
        }
    }

    @Override
    public ProxyTrial build(NDManager manager, TrialSegment segment) {
        HyperParams h = HyperParams.of(segment.config());
        LanguageSpec lang = spec.language();
        int width = segment.intScale("width");
        int depth = segment.scale().containsKey("depth") ? segment.intScale("depth") : spec.baseDepth();
        int baseHeadDim = spec.baseWidth() / lang.baseHeads();
        int heads = lang.fixedHeads() ? lang.baseHeads() : Math.max(1, width / baseHeadDim);
        TransformerShape shape = new TransformerShape(width, depth, heads, lang.context(), lang.vocab());
        TransformerShape base = new TransformerShape(spec.baseWidth(), spec.baseDepth(), lang.baseHeads(), lang.context(), lang.vocab());
        TransformerModel model = new TransformerModel(manager, shape, base, spec.parametrization(), spec.optimizer().family(),
                segment.seed(), h.initStd(), h.outputMult(), spec.readoutZeroInit());
        TokenSource language = lang.parquet() == null
                ? new HmmLanguage(lang.vocab(), lang.states(), BRANCHING, EMISSIONS, lang.seed())
                : readParquet(lang);
        ProxyTask task = new LanguageTask(language, spec.batchSize(), lang.context(), spec.validationSize());
        return ProxyTrial.assemble("transformer", model, shape, base, task, spec, h);
    }
}
