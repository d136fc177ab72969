package io.mutune.connectors.launch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mutune.connectors.recommend.RecommendationStatistics;
import io.mutune.connectors.recommend.RecommendationValidation;

/**
 * The parts of {@code mutune recommend}'s JSON that say how sure a value is. A field that was
 * not measured is left out, as {@code note} is, so a launcher tests for presence.
 */
final class LauncherJson {
    private LauncherJson() { }

    /**
     * Under the value: {@code predicted_loss} and {@code sensitivity}; under its provenance: the noise
     * the verdict was judged against, the verdict's confidence and reason, the fit's p-value.
     */
    static void statistics(ObjectNode value, ObjectNode provenance, RecommendationStatistics s) {
        if (s.verdictConfidence() != null) {
            provenance.put("verdict_confidence", s.verdictConfidence());
        }
        if (s.verdictReason() != null) {
            provenance.put("verdict_reason", s.verdictReason());
        }
        if (s.fitPValue() != null) {
            provenance.put("fit_p_value", s.fitPValue());
        }
        if (s.noiseSd() != null) {
            ObjectNode noise = provenance.putObject("noise");
            noise.put("relative_sd", s.noiseSd());
            if (s.noiseSdLower() != null && s.noiseSdUpper() != null) {
                noise.putArray("interval").add(s.noiseSdLower()).add(s.noiseSdUpper());
            }
            if (s.noiseDf() != null) {
                noise.put("degrees_of_freedom", s.noiseDf());
            }
        }
        if (s.predictedLoss() != null) {
            ObjectNode loss = value.putObject("predicted_loss");
            loss.put("value", s.predictedLoss());
            if (s.predictedLossLower() != null && s.predictedLossUpper() != null) {
                loss.putArray("interval").add(s.predictedLossLower()).add(s.predictedLossUpper());
            }
        }
        if (s.sensitivityHalf() != null || s.sensitivityDouble() != null) {
            ObjectNode cost = value.putObject("sensitivity");
            cost.put("half", s.sensitivityHalf());
            cost.put("double", s.sensitivityDouble());
        }
    }

    /** Under the value: {@code validation}, when the row was validated. */
    static void validation(ObjectNode value, RecommendationValidation v) {
        if (v == null) {
            return;
        }
        ObjectNode n = value.putObject("validation");
        n.put("gap", v.gap());
        if (v.lrRatio() != null) {
            n.put("lr_ratio", v.lrRatio());
        }
        n.put("seeds", v.seeds());
        n.put("at", v.at());
        n.put("sweep_id", v.sweepId());
    }
}
