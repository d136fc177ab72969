package io.mutune.transfer.rules;

import java.util.List;
import java.util.Map;

/**
 * A hyperparameter's optimum as a power law in axes the spec names, e.g. the Step Law's
 * lr*(N, D) ({@code rules: {lr: [params, tokens]}}; "params" comes from {@link ScaleFacts}) or
 * lr*(width, tokens). No exponent is dropped here: the muP verdict is the recommender's business.
 */
public final class PowerLawRule {
    private final String hyperparameter;
    private final FittedLaw law;

    private PowerLawRule(String hyperparameter, FittedLaw law) {
        this.hyperparameter = hyperparameter;
        this.law = law;
    }

    /**
     * @param trials every trial of the sweep; with {@code facts} non-null their scale points get
     *               {@code params} and {@code tokens_per_param} first
     * @param axes   the axes with an exponent; empty for a constant
     */
    public static PowerLawRule fit(List<TrialObservation> trials, String hyperparameter, List<String> axes, ScaleFacts facts,
                                   FitSettings settings) {
        List<TrialObservation> ts = facts == null ? trials : facts.withDerivedAxes(trials);
        FitSpace space = FitSpace.infer(ts.stream().map(t -> LossProfile.valueOf(t.config(), hyperparameter)).toList());
        PointOptima optima = PointOptima.estimate(PointOptima.byScale(ts), hyperparameter, space, settings);
        return new PowerLawRule(hyperparameter, FittedLaw.of(optima, s -> s, axes, settings.confidence()));
    }

    public String hyperparameter() {
        return hyperparameter;
    }

    public FittedLaw law() {
        return law;
    }

    /** The recommended value at {@code target} (carrying the law's axes). */
    public double valueAt(Map<String, Double> target) {
        return law.predict(target);
    }

    public double[] intervalAt(Map<String, Double> target) {
        return law.interval(target);
    }
}
