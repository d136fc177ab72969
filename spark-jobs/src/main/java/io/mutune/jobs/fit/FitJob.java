package io.mutune.jobs.fit;

import io.mutune.connectors.journal.JournalRow;
import io.mutune.connectors.journal.TrialStatus;
import io.mutune.connectors.recommend.RecommendationRow;
import io.mutune.connectors.recommend.RecommendationStatistics;
import io.mutune.hpo.space.Configuration;
import io.mutune.hpo.space.SearchSpace;
import io.mutune.jobs.spec.SweepSpec;
import io.mutune.transfer.proxy.BranchMetrics;
import io.mutune.transfer.proxy.ProxyRunners;
import io.mutune.transfer.recommend.RulePlan;
import io.mutune.transfer.rules.RuleForm;
import io.mutune.transfer.rules.RuleForms;
import io.mutune.transfer.rules.LossPrediction;
import io.mutune.transfer.recommend.Recommendation;
import io.mutune.transfer.recommend.Recommender;
import io.mutune.transfer.recommend.RecommenderSettings;
import io.mutune.transfer.recommend.Sensitivity;
import io.mutune.transfer.rules.NoiseEstimate;
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

    /**
     * The recommendations for every target: fitted ones for the searched hyperparameters, and the
     * spec's value for each numeric {@code {fixed: value}} one, reported as fixed.
     */
    public static List<Recommendation> recommend(SweepSpec spec, List<JournalRow> rows) {
        SearchSpace space = SearchSpace.fromSpec(spec.search().space());
        List<Recommendation> out = new java.util.ArrayList<>();
        if (!space.searchedNames().isEmpty()) {
            out.addAll(Recommender.recommend(observations(rows, spec.search().metric(), spec.search().resource().max()), space.searchedNames(),
                    spec.targets(), RecommenderSettings.defaults(spec.seed(), spec.parametrization()), rulePlan(spec, space)));
        }
        for (java.util.Map<String, Double> target : spec.targets()) {
            space.fixedValues().forEach((name, v) -> {
                if (v instanceof Number n) {
                    out.add(Recommendation.fixed(name, target, n.doubleValue()));
                }
            });
        }
        return out;
    }

    /**
     * The spec's {@code rules:} section as the recommender's plan, with D, B and N of mutune's own
     * proxies; a command proxy has none, so a form that needs them fails here naming its field
     * (the spec check runs the same).
     */
    public static RulePlan rulePlan(SweepSpec spec, SearchSpace space) {
        java.util.Map<String, RuleForm> forms = RuleForms.parse(spec.rules(), space.searchedNames(), spec.scales().keySet());
        boolean ownProxy = !"command".equals(spec.proxy().get("model"));
        return new RulePlan(forms, forms.isEmpty() || !ownProxy ? null : ProxyRunners.scaleFacts(spec.proxy()));
    }

    public static List<RecommendationRow> toRows(SweepSpec spec, String sweepId, List<Recommendation> recs) {
        Instant now = Instant.now();
        return recs.stream().map(r -> new RecommendationRow(spec.model(), spec.parametrization(), spec.optimizer(),
                r.targetScale(), r.hyperparameter(), r.value(), r.lower(), r.upper(), r.ruleForm(),
                tableCoefficients(r.targetPowerLaw().isEmpty() ? r.coefficients() : r.targetPowerLaw()), r.toJson(),
                r.trials(), r.scalePoints(), r.fitQuality(), r.validationLogError(),
                r.verdict().name().toLowerCase(java.util.Locale.ROOT), sweepId, 0L, now, statistics(r), null)).toList();
    }

    /**
     * The table's schema-version-2 columns from a recommendation. What transfer marks as not
     * measured (unknown noise, a NaN sensitivity outside the searched range, no loss law) is NULL in
     * the table, which is how SQL and launchers tell "not measured" apart from a value.
     */
    static RecommendationStatistics statistics(Recommendation r) {
        NoiseEstimate noise = r.noise();
        boolean measured = noise.known();
        LossPrediction loss = r.predictedLoss();
        Sensitivity cost = r.sensitivity();
        return new RecommendationStatistics(
                measured ? measuredOrNull(noise.relativeSd()) : null,
                measured ? measuredOrNull(noise.lower()) : null,
                measured ? measuredOrNull(noise.upper()) : null,
                measured ? Integer.valueOf(noise.degreesOfFreedom()) : null,
                measuredOrNull(r.verdictConfidence()), measuredOrNull(r.fitPValue()), r.verdictReason(),
                loss == null ? null : measuredOrNull(loss.value()), loss == null ? null : measuredOrNull(loss.lower()),
                loss == null ? null : measuredOrNull(loss.upper()),
                cost == null ? null : measuredOrNull(cost.half()), cost == null ? null : measuredOrNull(cost.twice()));
    }

    private static Double measuredOrNull(Double d) {
        return d == null || !Double.isFinite(d) ? null : d;
    }

    /**
     * The table's {@code rule_coefficients} contract, which launchers evaluate without mutune:
     * {@code intercept} and one exponent per axis name, meaning
     * log(value) = intercept + sum over axes of exponent * log(axis) (value itself for linear hyperparameters).
     * A rule in derived quantities (N, D/N, the AdamW timescale, the warmup fraction) is published as
     * its power law in the target's own axes ({@link Recommendation#targetPowerLaw()}), exact at the
     * target; its exact form stays in the {@code rule} JSON.
     */
    static java.util.Map<String, Double> tableCoefficients(java.util.Map<String, Double> fitted) {
        java.util.Map<String, Double> out = new java.util.LinkedHashMap<>();
        fitted.forEach((k, v) -> out.put(k.equals("c") ? "intercept" : k.startsWith("a_") ? k.substring(2) : k, v));
        return out;
    }
}
