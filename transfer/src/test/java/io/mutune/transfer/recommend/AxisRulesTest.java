package io.mutune.transfer.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mutune.hpo.space.Configuration;
import io.mutune.transfer.rules.RuleForm;
import io.mutune.transfer.rules.ScaleFacts;
import io.mutune.transfer.rules.StepLaw;
import io.mutune.transfer.rules.SyntheticSweep;
import io.mutune.transfer.rules.TrialObservation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the rules of a {@code rules:} plan give a launcher at a target, and what they say when the evidence is short. */
class AxisRulesTest {
    static final RuleForm TIMESCALE = new RuleForm("weight_decay", RuleForm.Kind.TIMESCALE, List.of(ScaleFacts.TOKENS_PER_PARAM), null);

    static Map<String, Recommendation> byName(List<Recommendation> recs) {
        Map<String, Recommendation> out = new LinkedHashMap<>();
        recs.forEach(r -> out.put(r.hyperparameter(), r));
        return out;
    }

    static Map<String, Recommendation> recommend(List<TrialObservation> trials, List<String> searched, Map<String, Double> target,
                                                 String parametrization, RuleForm... forms) {
        Map<String, RuleForm> plan = new LinkedHashMap<>();
        for (RuleForm f : forms) {
            plan.put(f.hyperparameter(), f);
        }
        return byName(Recommender.recommend(trials, searched, List.of(target), new RecommenderSettings(1, 200, 0.0025, parametrization),
                new RulePlan(plan, AxisSweeps.FACTS)));
    }

    /** exp(c + sum a_k log axis_k): the published law a launcher evaluates without mutune. */
    static double evaluate(Map<String, Double> law, Map<String, Double> at) {
        double log = law.get("c");
        for (Map.Entry<String, Double> e : law.entrySet()) {
            if (!e.getKey().equals("c")) {
                log += e.getValue() * Math.log(at.get(e.getKey().substring(2)));
            }
        }
        return Math.exp(log);
    }

    @Test
    void theTimescaleRuleGivesAWeightDecayForTheTargetsLearningRateAndBatch() {
        Map<String, Double> target = Map.of("width", 1024.0, "tokens", 1e9);
        Map<String, Recommendation> recs = recommend(AxisSweeps.timescale(1), List.of("lr", "weight_decay"), target, "mup", TIMESCALE);
        Recommendation lr = recs.get("lr");
        Recommendation wd = recs.get("weight_decay");
        assertEquals(Verdict.TRANSFERS_AS_IS, lr.verdict(), lr.verdictReason());
        assertEquals(Verdict.FITTED, wd.verdict(), wd.verdictReason());
        assertEquals("weight_decay = B/(lr*tau*D), log tau = c + a_tokens_per_param*log(tokens_per_param)", wd.ruleForm());
        assertEquals(AxisSweeps.TAU_EXPONENT, wd.coefficients().get("a_tokens_per_param"), 0.1);
        // wd = B/(lr tau* D), lr the one recommended at the target: the product lr*wd is what the timescale fixes
        double tau = AxisSweeps.tauStar(target);
        assertEquals(Math.log(AxisSweeps.BATCH_TOKENS / (lr.value() * tau * 1e9)), Math.log(wd.value()), 0.15);
        assertTrue(wd.lower() < wd.value() && wd.value() < wd.upper(), wd.lower() + " " + wd.value() + " " + wd.upper());
        assertTrue(wd.verdictReason().startsWith("tau: fitted exponents a_tokens_per_param"), wd.verdictReason());
        assertNotNull(wd.verdictConfidence());
        assertTrue(wd.noise().known(), "two seeds a configuration measure the noise");
        // the table's law in the target's axes is exact at the target; D/N = D/(12 w^2): wd ~ D^(-1 - a) w^(2a)
        double a = wd.coefficients().get("a_tokens_per_param");
        assertEquals(wd.value(), evaluate(wd.targetPowerLaw(), target), 1e-9 * wd.value());
        assertEquals(-1 - a, wd.targetPowerLaw().get("a_tokens"), 1e-6);
        assertEquals(2 * a, wd.targetPowerLaw().get("a_width"), 1e-6);
        assertTrue(lr.targetPowerLaw().isEmpty(), "a plain power law is its own table law");
    }

    @Test
    void atTwiceTheBatchTheWeightDecayDoubles() {
        // B enters tau = B/(lr wd D) linearly: with the batch as an axis of the target, wd is linear in B (Power Lines)
        List<TrialObservation> trials = AxisSweeps.timescale(2);
        ScaleFacts perBatch = new ScaleFacts(s -> s.get("tokens"), s -> s.getOrDefault("batch", 64.0) * AxisSweeps.CONTEXT,
                s -> AxisSweeps.params(s.get("width")));
        RulePlan plan = new RulePlan(Map.of("weight_decay", TIMESCALE), perBatch);
        RecommenderSettings settings = new RecommenderSettings(2, 100, 0.0025, "mup");
        Map<String, Double> at64 = Map.of("width", 1024.0, "tokens", 1e9, "batch", 64.0);
        Map<String, Double> at128 = Map.of("width", 1024.0, "tokens", 1e9, "batch", 128.0);
        List<Recommendation> recs = Recommender.recommend(trials, List.of("lr", "weight_decay"), List.of(at64, at128), settings, plan);
        double wd64 = recs.get(1).value();
        double wd128 = recs.get(3).value();
        assertEquals(2 * wd64, wd128, 1e-9 * wd128);
        assertEquals(1.0, recs.get(1).targetPowerLaw().get("a_batch"), 1e-6);
    }

    @Test
    void theBatchAxisGetsItsOwnRecommendationAfterTheHyperparameters() {
        Map<String, Double> target = Map.of("width", 1024.0, "tokens", 1.6e7, "batch", 512.0);
        RuleForm batch = new RuleForm("batch", RuleForm.Kind.BATCH_SIZE, List.of("tokens"), StepLaw.NAME);
        List<Recommendation> recs = Recommender.recommend(AxisSweeps.batch(3), List.of("lr"), List.of(target),
                new RecommenderSettings(3, 200, 0.0025, "sp"), new RulePlan(Map.of("batch", batch), AxisSweeps.FACTS));
        assertEquals(List.of("lr", "batch"), recs.stream().map(Recommendation::hyperparameter).toList());
        Recommendation b = recs.get(1);
        assertEquals("log batch = c + a_tokens*log(tokens)", b.ruleForm());
        assertEquals(Verdict.FITTED, b.verdict(), b.verdictReason());
        double truth = StepLaw.batchTokens(1.6e7) / AxisSweeps.CONTEXT;
        assertEquals(Math.log(truth), Math.log(b.value()), 0.3);
        assertTrue(b.lower() < b.value() && b.value() < b.upper());
        // the Step Law is reported beside the fitted rule, in the axis' unit, and is not the value
        assertEquals(StepLaw.NAME, b.baseline().name());
        assertEquals(StepLaw.batchTokens(1.6e7) / AxisSweeps.CONTEXT, b.baseline().value(), 1e-9 * truth);
        assertEquals(Map.of("a_tokens", StepLaw.BATCH_TOKENS_EXPONENT), b.baseline().publishedExponents());
        assertNotEquals(b.baseline().value(), b.value());
        assertNull(recs.get(0).baseline(), "no baseline unless the plan names one");
    }

    @Test
    void theStepLawBaselineIsItsPublishedFormulaBesideTheFittedExponents() {
        RuleForm lr = new RuleForm("lr", RuleForm.Kind.POWER_LAW, List.of("params", "tokens"), StepLaw.NAME);
        Map<String, Double> target = Map.of("width", 2048.0, "tokens", 1e10);
        Recommendation r = recommend(AxisSweeps.stepLawLr(4), List.of("lr"), target, "sp", lr).get("lr");
        assertEquals("log lr = c + a_params*log(params) + a_tokens*log(tokens)", r.ruleForm());
        assertEquals(StepLaw.lr(AxisSweeps.params(2048), 1e10), r.baseline().value(), 1e-15);
        assertEquals(Map.of("a_params", -0.713, "a_tokens", 0.307), r.baseline().publishedExponents());
        assertEquals(-0.713, r.coefficients().get("a_params"), 0.1);
        // the table's law is in width and tokens, N = 12 w^2: exponent 2 a_params on width
        assertEquals(2 * r.coefficients().get("a_params"), r.targetPowerLaw().get("a_width"), 1e-6);
        assertEquals(r.value(), evaluate(r.targetPowerLaw(), target), 1e-9 * r.value());
    }

    @Test
    void theWarmupComesBackInTheUnitTheSweepSearched() {
        Map<String, Double> target = Map.of("width", 4096.0, "tokens", 1e10);
        RuleForm warmup = new RuleForm("warmup_tokens", RuleForm.Kind.WARMUP_FRACTION, List.of("tokens"), null);
        Recommendation w = recommend(AxisSweeps.warmupTokens(5), List.of("lr", "warmup_tokens"), target, "sp", warmup).get("warmup_tokens");
        assertEquals("warmup_tokens = f*D, log warmup_fraction = c + a_tokens*log(tokens)", w.ruleForm());
        assertEquals(Math.log(AxisSweeps.warmupStar(target) * 1e10), Math.log(w.value()), 0.3);
        assertEquals(1 + w.coefficients().get("a_tokens"), w.targetPowerLaw().get("a_tokens"), 1e-6);
    }

    @Test
    void aConstantFractionAskedForTransfersAsIsAndSaysWhatAFreeLawWouldFit() {
        Map<String, Double> target = Map.of("width", 4096.0, "tokens", 1e10);
        RuleForm constant = new RuleForm("warmup_tokens", RuleForm.Kind.WARMUP_FRACTION, List.of(), null);
        Recommendation w = recommend(AxisSweeps.warmupTokens(6, 0.0), List.of("lr", "warmup_tokens"), target, "sp", constant)
                .get("warmup_tokens");
        assertEquals(Verdict.TRANSFERS_AS_IS, w.verdict(), w.verdictReason());
        assertEquals("warmup_tokens = f*D, log warmup_fraction = c", w.ruleForm());
        assertTrue(w.verdictReason().startsWith("warmup_fraction: a constant, as the spec's rules: section asks (a free power law would fit "
                + "a_width = ") && w.verdictReason().contains(", a_tokens = "), w.verdictReason());
        assertEquals(Math.log(0.05 * 1e10), Math.log(w.value()), 0.1);
        assertTrue(w.verdictConfidence() > 0.9, "the free law agrees with the constant: " + w.verdictConfidence());
    }

    @Test
    void aConstantFractionThatTheOptimaContradictIsInsufficient() {
        // f* falls 2.3x over the proxies' tokens: a constant leaves optima 0.4 (log units) off, beyond their noise
        RuleForm constant = new RuleForm("warmup_tokens", RuleForm.Kind.WARMUP_FRACTION, List.of(), null);
        Recommendation w = recommend(AxisSweeps.warmupTokens(6), List.of("lr", "warmup_tokens"), Map.of("width", 4096.0, "tokens", 1e10),
                "sp", constant).get("warmup_tokens");
        assertEquals(Verdict.INSUFFICIENT, w.verdict());
        assertTrue(w.verdictReason().startsWith("warmup_fraction: insufficient: optima scatter beyond their noise"), w.verdictReason());
    }

    @Test
    void withoutDecayOrWithTooFewPointsARuleSaysWhy() {
        List<TrialObservation> noDecay = new ArrayList<>();
        for (TrialObservation t : AxisSweeps.stepLawLr(7)) {
            Map<String, Object> config = new LinkedHashMap<>(t.config().values());
            config.put("weight_decay", 0.0);
            noDecay.add(new TrialObservation(t.trialId(), t.scale(), new Configuration(config), t.resource(), t.metric(), false));
        }
        Recommendation wd = recommend(noDecay, List.of("lr", "weight_decay"), Map.of("width", 1024.0, "tokens", 1e9), "sp", TIMESCALE)
                .get("weight_decay");
        assertEquals(Verdict.INSUFFICIENT, wd.verdict());
        assertTrue(wd.verdictReason().startsWith("tau: insufficient: 0 scale points with an interior optimum"), wd.verdictReason());

        List<TrialObservation> one = new ArrayList<>();
        for (double lr : SyntheticSweep.logGrid(1e-4, 1e-1, 7)) {
            one.add(new TrialObservation("t" + lr, Map.of("width", 64.0, "tokens", 1e6), new Configuration(Map.of("lr", lr)), 100,
                    2 + Math.pow(Math.log(lr / 3e-3), 2), false));
        }
        Recommendation lr = recommend(one, List.of("lr"), Map.of("width", 1024.0, "tokens", 1e9), "sp",
                new RuleForm("lr", RuleForm.Kind.POWER_LAW, List.of("tokens"), null)).get("lr");
        assertTrue(lr.verdictReason().startsWith("insufficient: 1 scale points with an interior optimum (0 on the edge of the searched range), "
                + "need at least 3 for a rule in [tokens]; value is the optimum at "), lr.verdictReason());
        assertEquals(3e-3, lr.value(), 3e-4);
    }

    @Test
    void aPlanThatDoesNotFitTheSweepNamesTheRule() {
        List<TrialObservation> trials = AxisSweeps.stepLawLr(8);
        RecommenderSettings s = new RecommenderSettings(1, 20, 0.0025, "sp");
        Map<String, Double> target = Map.of("width", 1024.0, "tokens", 1e9);
        String unsearched = assertThrows(IllegalArgumentException.class, () -> Recommender.recommend(trials, List.of("lr"), List.of(target), s,
                new RulePlan(Map.of("weight_decay", TIMESCALE), AxisSweeps.FACTS))).getMessage();
        assertEquals("rules.weight_decay: 'weight_decay' is not among the searched hyperparameters [lr]; a rule is fitted to trials that vary it",
                unsearched);
        String noLr = assertThrows(IllegalArgumentException.class, () -> Recommender.recommend(trials, List.of("weight_decay"), List.of(target), s,
                new RulePlan(Map.of("weight_decay", TIMESCALE), AxisSweeps.FACTS))).getMessage();
        assertTrue(noLr.startsWith("rules.weight_decay: 'timescale' needs exactly one searched learning rate (lr)"), noLr);
        String noFacts = assertThrows(IllegalArgumentException.class, () -> new RulePlan(Map.of("weight_decay", TIMESCALE), null)).getMessage();
        assertTrue(noFacts.startsWith("rules.weight_decay: a timescale rule"), noFacts);
    }
}
