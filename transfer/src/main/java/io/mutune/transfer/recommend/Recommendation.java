package io.mutune.transfer.recommend;

import io.mutune.transfer.rules.LossPrediction;
import io.mutune.transfer.rules.NoiseEstimate;
import io.mutune.transfer.rules.RuleJson;
import io.mutune.transfer.rules.ScaleOptimum;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One hyperparameter's recommended value at one target scale, with the rule and evidence behind it.
 * Immutable; {@link #toJson()} is what launchers read.
 *
 * @param hyperparameter       its name, as in the sweep spec
 * @param targetScale          the target scale point, e.g. {@code width -> 4096}
 * @param value                the recommended value
 * @param lower                lower end of the 95% bootstrap interval of the value
 * @param upper                upper end
 * @param ruleForm             e.g. {@code log lr = c + a_width*log(width)}; for INSUFFICIENT, why
 * @param coefficients         {@code c}, {@code a_<axis>}
 * @param coefficientIntervals 95% bootstrap interval of each coefficient
 * @param trials               trials behind the rule, all scale points, diverged included
 * @param scalePoints          scale points whose optimum was fitted
 * @param fitQuality           weighted RMS residual of the optima around the rule in fit space (log units for
 *                             log-scaled hyperparameters; 0 is perfect); NaN when no rule was fitted
 * @param validationLogError   leave-one-scale-out error at the largest proxy scale, {@code log(predicted/observed)};
 *                             null if not computable
 * @param verdict              TRANSFERS_AS_IS, FITTED or INSUFFICIENT
 * @param evidence             the optimum at every scale point (edge-of-range ones included, though not fitted)
 * @param validationLossError  relative excess loss at that scale when following the refitted rule, read from the
 *                             scale's own loss curve; null if not computable
 * @param noise                one run's seed-to-seed s.d. at the largest proxy with repeats (or pooled), with its
 *                             interval; {@link NoiseEstimate#UNKNOWN} when nothing was repeated
 * @param verdictConfidence    bootstrap support for the verdict, in [0, 1]; null for INSUFFICIENT
 * @param fitPValue            lack-of-fit p-value: the chance of optima scattering this much around the rule if it
 *                             held; null when there are no spare degrees of freedom
 * @param verdictReason        why the verdict is what it is, in a sentence a user acts on
 * @param predictedLoss        the loss expected at the target, or null when the best losses could not be fitted
 * @param sensitivity          the loss cost of a 2x miss at the largest proxy, or null
 * @param targetPowerLaw       for a rule in derived quantities (N, D/N, the AdamW timescale, the warmup fraction): the
 *                             value as a power law in the target's own axes, {@code c} and {@code a_<axis>}, exact at the
 *                             target and a first-order expansion around it (what a launcher evaluates without mutune);
 *                             empty when {@code coefficients} already is that law
 * @param baseline             the published formula the spec's {@code rules:} section asked to report beside the rule, or null
 */
public record Recommendation(String hyperparameter, Map<String, Double> targetScale, double value, double lower,
                             double upper, String ruleForm, Map<String, Double> coefficients,
                             Map<String, double[]> coefficientIntervals, int trials, int scalePoints,
                             double fitQuality, Double validationLogError, Verdict verdict,
                             List<ScaleOptimum> evidence, Double validationLossError, NoiseEstimate noise,
                             Double verdictConfidence, Double fitPValue, String verdictReason,
                             LossPrediction predictedLoss, Sensitivity sensitivity, Map<String, Double> targetPowerLaw,
                             Baseline baseline) {

    public Recommendation {
        Objects.requireNonNull(hyperparameter, "hyperparameter");
        Objects.requireNonNull(verdict, "verdict of " + hyperparameter);
        targetScale = Collections.unmodifiableMap(new LinkedHashMap<>(targetScale));
        coefficients = Collections.unmodifiableMap(new LinkedHashMap<>(coefficients));
        coefficientIntervals = Collections.unmodifiableMap(new LinkedHashMap<>(coefficientIntervals));
        evidence = List.copyOf(evidence);
        noise = noise == null ? NoiseEstimate.UNKNOWN : noise;
        targetPowerLaw = targetPowerLaw == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(targetPowerLaw));
        if (verdict != Verdict.INSUFFICIENT && !(lower <= value && value <= upper)) {
            throw new IllegalArgumentException("interval [" + lower + ", " + upper + "] of " + hyperparameter
                    + " does not contain its value " + value);
        }
    }

    /** A rule in the target's own axes (no derived quantities, so no separate table law) and no baseline. */
    public Recommendation(String hyperparameter, Map<String, Double> targetScale, double value, double lower,
                          double upper, String ruleForm, Map<String, Double> coefficients,
                          Map<String, double[]> coefficientIntervals, int trials, int scalePoints,
                          double fitQuality, Double validationLogError, Verdict verdict,
                          List<ScaleOptimum> evidence, Double validationLossError, NoiseEstimate noise,
                          Double verdictConfidence, Double fitPValue, String verdictReason,
                          LossPrediction predictedLoss, Sensitivity sensitivity) {
        this(hyperparameter, targetScale, value, lower, upper, ruleForm, coefficients, coefficientIntervals, trials, scalePoints,
                fitQuality, validationLogError, verdict, evidence, validationLossError, noise, verdictConfidence, fitPValue,
                verdictReason, predictedLoss, sensitivity, Map.of(), null);
    }

    /** Without the loss-side validation and the noise assessment. */
    public Recommendation(String hyperparameter, Map<String, Double> targetScale, double value, double lower,
                          double upper, String ruleForm, Map<String, Double> coefficients,
                          Map<String, double[]> coefficientIntervals, int trials, int scalePoints,
                          double fitQuality, Double validationLogError, Verdict verdict, List<ScaleOptimum> evidence) {
        this(hyperparameter, targetScale, value, lower, upper, ruleForm, coefficients, coefficientIntervals, trials,
                scalePoints, fitQuality, validationLogError, verdict, evidence, null, NoiseEstimate.UNKNOWN, null, null,
                null, null, null);
    }

    /** A hyperparameter the spec fixed: its value, unchanged at every target, with no rule behind it. */
    public static Recommendation fixed(String hyperparameter, Map<String, Double> target, double value) {
        String why = "fixed in the spec (search.space." + hyperparameter + ": {fixed: " + value + "}); not searched";
        return new Recommendation(hyperparameter, target, value, value, value, "fixed", Map.of(), Map.of(), 0, 0,
                Double.NaN, null, Verdict.FIXED, List.of(), null, NoiseEstimate.UNKNOWN, null, null, why, null, null, Map.of(), null);
    }

    public String toJson() {
        return RuleJson.write(this);
    }

    public static Recommendation fromJson(String json) {
        return RuleJson.read(json, Recommendation.class);
    }
}
