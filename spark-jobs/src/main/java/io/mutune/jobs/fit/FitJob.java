package io.mutune.jobs.fit;

import io.mutune.connectors.journal.JournalRow;
import io.mutune.connectors.journal.TrialStatus;
import io.mutune.connectors.recommend.RecommendationRow;
import io.mutune.hpo.space.Configuration;
import io.mutune.hpo.space.SearchSpace;
import io.mutune.jobs.spec.SweepSpec;
import io.mutune.transfer.proxy.BranchMetrics;
import io.mutune.transfer.recommend.Recommendation;
import io.mutune.transfer.recommend.Recommender;
import io.mutune.transfer.recommend.RecommenderSettings;
import io.mutune.transfer.rules.TrialObservation;
import java.time.Instant;
import java.util.List;

/**
 * Turns a sweep's journal into recommendations: the trials that reached the final resource (and
 * the diverged ones, which bound the usable range) go to the transfer module's fitter; its
 * recommendations become table rows.
 */
public final class FitJob {
    private FitJob() { }

    /** Observations the fitter uses: ended segments only; stale, running and failed rows carry no evidence. */
    public static List<TrialObservation> observations(List<JournalRow> rows, String metric) {
        return observations(rows, metric, 0);
    }

    /**
     * As {@link #observations(List, String)}, plus one observation per shorter token horizon that a
     * row's run branched off itself (WSD reuse: {@code metric@tokens=T} in its metrics), as a run to
     * {@code fullResource}, the whole horizon.
     */
    public static List<TrialObservation> observations(List<JournalRow> rows, String metric, long fullResource) {
        List<JournalRow> ended = rows.stream()
                .filter(r -> r.status() == TrialStatus.COMPLETED || r.status() == TrialStatus.DIVERGED || r.status() == TrialStatus.STOPPED)
                .toList();
        List<TrialObservation> out = new java.util.ArrayList<>();
        java.util.Set<String> branched = new java.util.HashSet<>();
        for (JournalRow r : ended) {
            Configuration config = Configuration.fromJson(r.configJson());
            out.add(new TrialObservation(r.trialId(), r.scale(), config, r.resource(),
                    r.metrics().getOrDefault(metric, Double.NaN), r.status() == TrialStatus.DIVERGED));
            BranchMetrics.observations(r.trialId(), r.scale(), config, r.metrics(), metric, fullResource).stream()
                    .filter(o -> branched.add(o.trialId()))
                    .forEach(out::add);
        }
        return out;
    }

    public static List<Recommendation> recommend(SweepSpec spec, List<JournalRow> rows) {
        List<String> hps = SearchSpace.fromSpec(spec.search().space()).names();
        return Recommender.recommend(observations(rows, spec.search().metric(), spec.search().resource().max()), hps, spec.targets(),
                RecommenderSettings.defaults(spec.seed(), spec.parametrization()));
    }

    public static List<RecommendationRow> toRows(SweepSpec spec, String sweepId, List<Recommendation> recs) {
        Instant now = Instant.now();
        return recs.stream().map(r -> new RecommendationRow(spec.model(), spec.parametrization(), spec.optimizer(),
                r.targetScale(), r.hyperparameter(), r.value(), r.lower(), r.upper(), r.ruleForm(), tableCoefficients(r.coefficients()), r.toJson(),
                r.trials(), r.scalePoints(), r.fitQuality(), r.validationLogError(),
                r.verdict().name().toLowerCase(java.util.Locale.ROOT), sweepId, 0L, now)).toList();
    }

    /**
     * The table's {@code rule_coefficients} contract, which launchers evaluate without mutune:
     * {@code intercept} and one exponent per axis name, meaning
     * log(value) = intercept + sum over axes of exponent * log(axis) (value itself for linear hyperparameters).
     */
    static java.util.Map<String, Double> tableCoefficients(java.util.Map<String, Double> fitted) {
        java.util.Map<String, Double> out = new java.util.LinkedHashMap<>();
        fitted.forEach((k, v) -> out.put(k.equals("c") ? "intercept" : k.startsWith("a_") ? k.substring(2) : k, v));
        return out;
    }
}
