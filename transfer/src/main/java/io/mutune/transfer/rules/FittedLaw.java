package io.mutune.transfer.rules;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A power law fitted to per-scale optima of one (possibly derived) quantity, or why none could be.
 *
 * @param fit                the fit with its bootstrap samples; null when there was too little evidence
 * @param evidence           every scale point's optimum, edge ones included
 * @param insufficientReason why there is no fit, else null
 */
public record FittedLaw(RuleFit fit, List<ScaleOptimum> evidence, String insufficientReason) {

    public FittedLaw {
        evidence = List.copyOf(evidence);
        if ((fit == null) == (insufficientReason == null)) {
            throw new IllegalArgumentException("a fitted law has either a fit or a reason for none, got fit=" + fit
                    + " reason=" + insufficientReason);
        }
    }

    /** Fits {@code axes} to the interior optima, their scale points first passed through {@code rescale}. */
    static FittedLaw of(PointOptima optima, UnaryOperator<Map<String, Double>> rescale, List<String> axes, double confidence) {
        String reason = optima.insufficientFor(axes);
        if (reason != null) {
            return new FittedLaw(null, optima.evidence(), reason);
        }
        return new FittedLaw(new RuleFitter(confidence).fit(optima.rescaled(rescale), optima.replicates(), axes),
                optima.evidence(), null);
    }

    public boolean fitted() {
        return fit != null;
    }

    /** The fitted quantity at {@code scale} (which must carry the law's axes). */
    public double predict(Map<String, Double> scale) {
        requireFit();
        return fit.rule().predict(scale);
    }

    /** Its bootstrap interval at {@code scale}. */
    public double[] interval(Map<String, Double> scale) {
        requireFit();
        return fit.predictionInterval(scale);
    }

    private void requireFit() {
        if (fit == null) {
            throw new IllegalStateException(insufficientReason);
        }
    }
}
