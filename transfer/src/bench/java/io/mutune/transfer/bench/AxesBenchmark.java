package io.mutune.transfer.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.mutune.hpo.space.Configuration;
import io.mutune.transfer.proxy.BranchMetrics;
import io.mutune.transfer.proxy.ProxyRunners;
import io.mutune.transfer.recommend.Recommendation;
import io.mutune.transfer.recommend.Recommender;
import io.mutune.transfer.recommend.RecommenderSettings;
import io.mutune.transfer.recommend.RulePlan;
import io.mutune.transfer.rules.RuleForm;
import io.mutune.transfer.rules.ScaleFacts;
import io.mutune.transfer.rules.StepLaw;
import io.mutune.transfer.rules.TrialObservation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

/**
 * The every-axis benchmark: proxies over width x tokens x batch (WSD, the shorter budgets branched
 * off the longest), the recommender with a {@code rules:} plan (lr in width, tokens and batch;
 * weight decay through the AdamW timescale; B*(D) over the batch axis; the Step Law named as a
 * baseline), a target that differs on every axis, a direct lr x wd sweep there with repeated seeds,
 * and two baselines, all compared on held-out seeds (gaps on means). Usage:
 * {@code AxesBenchmark small|full mlp|transformer OUT_DIR}; {@code -Dbench.threads} (2) runs that
 * many trainings at once; {@code -Dbench.resamples} (1000) sets the bootstrap. Runs already in
 * {@code OUT_DIR/axes-MODEL-SIZE-runs.csv} are read back, not retrained (see {@link AxesRuns}).
 */
public final class AxesBenchmark {
    private static final int MAX_EXTENSIONS = 4;
    private final AxesScale scale;
    private final AxesRuns runs;
    private final ScaleFacts facts;

    private AxesBenchmark(AxesScale scale, AxesRuns runs) {
        this.scale = scale;
        this.runs = runs;
        this.facts = ProxyRunners.scaleFacts(scale.spec());
    }

    public static void main(String[] args) throws Exception {
        AxesScale scale = AxesScale.of(args.length > 0 ? args[0] : "small", args.length > 1 ? args[1] : "mlp");
        Path out = Path.of(args.length > 2 ? args[2] : "bench-out/rules-axes");
        Files.createDirectories(out);
        String stem = "axes-" + scale.model() + "-" + scale.name();
        try (AxesRuns runs = new AxesRuns(scale, Integer.getInteger("bench.threads", 2), out.resolve(stem + "-runs.csv"))) {
            Map<String, Object> summary = new AxesBenchmark(scale, runs).run();
            Path file = out.resolve(stem + ".json");
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), summary);
            TransferExperiment.log("wrote " + file);
        }
    }

    private Map<String, Object> run() throws Exception {
        long start = System.nanoTime();
        TransferExperiment.log(scale.describe());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("scale", scale.describe());
        Map<String, Double> target = scale.target();
        summary.put("target", target);

        List<AxesRuns.Run> proxyRuns = new ArrayList<>();
        List<TrialObservation> observations = proxies(proxyRuns);
        double proxyFlops = proxyRuns.stream().mapToDouble(AxesRuns.Run::flops).sum();
        double proxySeconds = proxyRuns.stream().mapToDouble(AxesRuns.Run::seconds).sum();
        TransferExperiment.log(String.format("proxies: %d runs (%d observations with branches), %.0f s of training, %.3g FLOPs",
                proxyRuns.size(), observations.size(), proxySeconds, proxyFlops));

        RecommenderSettings settings = new RecommenderSettings(17, Integer.getInteger("bench.resamples", 1000), 0.0025, "completep");
        Map<String, RuleForm> forms = new LinkedHashMap<>();
        forms.put("lr", new RuleForm("lr", RuleForm.Kind.POWER_LAW, List.of("width", "tokens", "batch"), StepLaw.NAME));
        forms.put("weight_decay", new RuleForm("weight_decay", RuleForm.Kind.TIMESCALE, List.of(ScaleFacts.TOKENS_PER_PARAM), null));
        forms.put("batch", new RuleForm("batch", RuleForm.Kind.BATCH_SIZE, List.of("tokens"), StepLaw.NAME));
        Map<String, Recommendation> recs = byName(Recommender.recommend(observations, List.of("lr", "weight_decay"), List.of(target),
                settings, new RulePlan(forms, facts)));
        // The Step Law's own form, every exponent kept (no muP verdict), to set its exponents beside the published ones.
        Recommendation lrNd = Recommender.recommend(observations, List.of("lr"), List.of(target),
                new RecommenderSettings(17, settings.bootstrapResamples(), 0.0025, "sp"),
                new RulePlan(Map.of("lr", new RuleForm("lr", RuleForm.Kind.POWER_LAW, List.of("params", "tokens"), null)), facts)).get(0);
        Map<String, Object> rules = new LinkedHashMap<>();
        recs.forEach((name, r) -> rules.put(name, AxesFigures.describe(r)));
        rules.put("lr[params,tokens] (every exponent kept)", AxesFigures.describe(lrNd));
        summary.put("recommendations", rules);
        recs.values().forEach(r -> TransferExperiment.log(AxesFigures.line(r)));
        // Same hyperparameter, another form: labelled so that the log does not read as a second lr for the target.
        TransferExperiment.log("(Step Law's axes, for its exponents only; not the recommendation) " + AxesFigures.line(lrNd));

        double lrRec = recs.get("lr").value();
        double wdRec = recs.get("weight_decay").value();
        AxesRuns.Run widest = bestAtWidest(proxyRuns);
        Map<String, Object> direct = directSweep(target, lrRec, wdRec);
        Configuration directBest = (Configuration) direct.remove("bestConfiguration");
        double directFlops = (double) direct.get("flops");
        summary.put("direct", direct);

        Map<String, Double> proxyBatch = new LinkedHashMap<>(target);
        proxyBatch.put("batch", widest.scale().get("batch"));
        Map<String, Double> stepBatch = new LinkedHashMap<>(target);
        stepBatch.put("batch", (double) Math.max(1, Math.round(StepLaw.batchAt(target, scale.tokensPerExample()))));
        double stepLr = StepLaw.lrAt(target, facts);
        // The full recommendation: the batch B* too, with lr and wd carried to that batch by their rules.
        Map<String, Double> atBatch = new LinkedHashMap<>(target);
        atBatch.put("batch", (double) Math.max(1, Math.round(recs.get("batch").value())));
        Map<String, Recommendation> full = byName(Recommender.recommend(observations, List.of("lr", "weight_decay"), List.of(atBatch),
                settings, new RulePlan(forms, facts)));
        summary.put("fullRecommendation", Map.of("batch", atBatch.get("batch"), "batchVerdict", recs.get("batch").verdict().name(),
                "lr", full.get("lr").value(), "weight_decay", full.get("weight_decay").value()));
        Map<String, Object[]> arms = new LinkedHashMap<>();
        arms.put("mutune (lr, wd at the target's batch)", new Object[] {target, config(lrRec, wdRec)});
        arms.put("mutune full (lr, wd at its B*, B*)", new Object[] {atBatch, config(full.get("lr").value(), full.get("weight_decay").value())});
        arms.put("direct best", new Object[] {target, directBest});
        arms.put("(a) width-only muP: proxy's lr, wd and batch", new Object[] {proxyBatch,
                config(widest.config().getDouble("lr"), widest.config().getDouble("weight_decay"))});
        arms.put("(b) Step Law lr and batch, proxy's wd", new Object[] {stepBatch, config(stepLr, widest.config().getDouble("weight_decay"))});
        summary.put("heldOut", heldOut(arms));
        summary.put("lrRatio", lrRec / directBest.getDouble("lr"));
        summary.put("wdRatio", wdRec / directBest.getDouble("weight_decay"));
        summary.put("proxyFlops", proxyFlops);
        summary.put("directFlops", directFlops);
        summary.put("flopShare", proxyFlops / directFlops);
        summary.put("proxyTrainingSeconds", proxySeconds);
        summary.put("wallSeconds", (System.nanoTime() - start) / 1e9);
        summary.put("runsReadBack", runs.resumed());
        TransferExperiment.log(String.format("lr ratio %.3f, wd ratio %.3f (recommended / direct best); proxies cost %.1f%% of the direct "
                + "sweep's FLOPs; %.0f s wall", lrRec / directBest.getDouble("lr"), wdRec / directBest.getDouble("weight_decay"),
                100 * proxyFlops / directFlops, (System.nanoTime() - start) / 1e9));
        return summary;
    }

    /** Trains every proxy configuration at the tuned points; the observations include the branched horizons. */
    private List<TrialObservation> proxies(List<AxesRuns.Run> done) throws Exception {
        List<Future<AxesRuns.Run>> pending = new ArrayList<>();
        for (Map<String, Double> p : ProxyRunners.tunedScalePoints(scale.spec(), scale.points())) {
            for (double lr : scale.proxyLrs()) {
                for (double wd : scale.wdGrid()) {
                    for (int s = 0; s < scale.seeds(); s++) {
                        pending.add(runs.submit("proxy", runs.proxies(), p, config(lr, wd), s));
                    }
                }
            }
        }
        List<TrialObservation> out = new ArrayList<>();
        for (Future<AxesRuns.Run> f : pending) {
            AxesRuns.Run r = f.get();
            done.add(r);
            String id = "p" + done.size();
            out.add(new TrialObservation(id, r.scale(), r.config(), AxesScale.RESOURCE, r.loss(), Double.isNaN(r.loss())));
            out.addAll(BranchMetrics.observations(id, r.scale(), r.config(), r.result().metrics(), AxesRuns.METRIC, AxesScale.RESOURCE));
        }
        return out;
    }

    /**
     * lr x wd around the recommendation at the target, {@code directSeeds} seeds each; the best by
     * mean. While the best sits on an edge of the grid, the grid grows one step past that edge (lr by
     * sqrt 2, wd by 4; at most {@link #MAX_EXTENSIONS} steps): a best on the edge is a bound, not an
     * optimum, and would cap the lr ratio and the gaps at the grid's width.
     */
    private Map<String, Object> directSweep(Map<String, Double> target, double lrRec, double wdRec) throws Exception {
        List<Double> lrF = new ArrayList<>(scale.directLr());
        List<Double> wdF = new ArrayList<>(scale.directWd());
        Map<Configuration, List<Double>> losses = new LinkedHashMap<>();
        double[] flops = {0};
        List<String> extensions = new ArrayList<>();
        Configuration best;
        while (true) {
            List<Future<AxesRuns.Run>> pending = new ArrayList<>();
            for (double fl : lrF) {
                for (double fw : wdF) {
                    Configuration c = config(lrRec * fl, wdRec * fw);
                    if (losses.containsKey(c)) {
                        continue;
                    }
                    for (int s = 0; s < scale.directSeeds(); s++) {
                        pending.add(runs.submit("direct", runs.at(target), target, c, 1000 + s));
                    }
                }
            }
            for (Future<AxesRuns.Run> f : pending) {
                AxesRuns.Run r = f.get();
                flops[0] += r.flops();
                losses.computeIfAbsent(r.config(), k -> new ArrayList<>()).add(r.loss());
            }
            best = losses.entrySet().stream().min(Comparator.comparingDouble(e -> AxesFigures.mean(e.getValue()))).orElseThrow().getKey();
            double bl = best.getDouble("lr") / lrRec;
            double bw = best.getDouble("weight_decay") / wdRec;
            if (extensions.size() >= MAX_EXTENSIONS) {
                break;
            }
            if (AxesFigures.atEdge(bl, lrF.subList(0, 1))) {
                lrF.add(0, lrF.get(0) / Math.sqrt(2));
                extensions.add("lr x " + String.format("%.4g", lrF.get(0)));
            } else if (AxesFigures.atEdge(bl, lrF.subList(lrF.size() - 1, lrF.size()))) {
                lrF.add(lrF.get(lrF.size() - 1) * Math.sqrt(2));
                extensions.add("lr x " + String.format("%.4g", lrF.get(lrF.size() - 1)));
            } else if (AxesFigures.atEdge(bw, wdF.subList(0, 1))) {
                wdF.add(0, wdF.get(0) / 4);
                extensions.add("wd x " + String.format("%.4g", wdF.get(0)));
            } else if (AxesFigures.atEdge(bw, wdF.subList(wdF.size() - 1, wdF.size()))) {
                wdF.add(wdF.get(wdF.size() - 1) * 4);
                extensions.add("wd x " + String.format("%.4g", wdF.get(wdF.size() - 1)));
            } else {
                break;
            }
            TransferExperiment.log("direct sweep: best " + best.values() + " on the grid's edge, extending: " + extensions.get(extensions.size() - 1));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        List<Map<String, Object>> grid = new ArrayList<>();
        losses.forEach((c, l) -> grid.add(Map.of("lr", c.getDouble("lr"), "weight_decay", c.getDouble("weight_decay"), "losses", l,
                "mean", AxesFigures.mean(l))));
        out.put("grid", grid);
        out.put("lrFactors", lrF);
        out.put("wdFactors", wdF);
        out.put("extensions", extensions);
        out.put("best", best.values());
        out.put("bestAtGridEdge", AxesFigures.atEdge(best.getDouble("lr") / lrRec, lrF)
                || AxesFigures.atEdge(best.getDouble("weight_decay") / wdRec, wdF));
        out.put("flops", flops[0]);
        out.put("bestConfiguration", best);
        TransferExperiment.log(String.format("direct sweep: %d configurations x %d seeds, best %s (mean %.5f)%s", losses.size(),
                scale.directSeeds(), best.values(), AxesFigures.mean(losses.get(best)),
                (boolean) out.get("bestAtGridEdge") ? " STILL ON THE GRID'S EDGE after " + MAX_EXTENSIONS + " extensions" : ""));
        return out;
    }

    /** Each arm trained with the held-out seeds; gaps are taken on means against the direct sweep's best. */
    private Map<String, Object> heldOut(Map<String, Object[]> arms) throws Exception {
        Map<String, List<Future<AxesRuns.Run>>> pending = new LinkedHashMap<>();
        arms.forEach((name, what) -> {
            @SuppressWarnings("unchecked")
            Map<String, Double> at = (Map<String, Double>) what[0];
            for (int s = 0; s < scale.heldOutSeeds(); s++) {
                pending.computeIfAbsent(name, k -> new ArrayList<>()).add(runs.submit("held-out", runs.at(at), at, (Configuration) what[1], 2000 + s));
            }
        });
        Map<String, List<Double>> losses = new LinkedHashMap<>();
        for (Map.Entry<String, List<Future<AxesRuns.Run>>> e : pending.entrySet()) {
            for (Future<AxesRuns.Run> f : e.getValue()) {
                losses.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(f.get().loss());
            }
        }
        double reference = AxesFigures.mean(losses.get("direct best"));
        Map<String, Object> out = new LinkedHashMap<>();
        losses.forEach((name, l) -> {
            Object[] what = arms.get(name);
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("at", what[0]);
            g.put("config", ((Configuration) what[1]).values());
            g.put("losses", l);
            g.put("mean", AxesFigures.mean(l));
            g.put("sd", AxesFigures.sd(l));
            g.put("gap", AxesFigures.mean(l) / reference - 1);
            out.put(name, g);
            TransferExperiment.log(String.format("held-out %-46s mean %.5f sd %.5f gap %+.3f%%  (%s at batch %.0f)", name, AxesFigures.mean(l),
                    AxesFigures.sd(l), 100 * (AxesFigures.mean(l) / reference - 1), ((Configuration) what[1]).values(),
                    ((Map<?, ?>) what[0]).get("batch")));
        });
        return out;
    }

    /** The best configuration (mean over seeds) at the widest proxy, any tokens and batch: baseline (a) keeps it. */
    private AxesRuns.Run bestAtWidest(List<AxesRuns.Run> proxyRuns) {
        double widest = scale.widths().get(scale.widths().size() - 1);
        Map<List<Object>, List<AxesRuns.Run>> byConfig = new LinkedHashMap<>();
        proxyRuns.stream().filter(r -> r.scale().get("width") == widest)
                .forEach(r -> byConfig.computeIfAbsent(List.of(r.scale(), r.config()), k -> new ArrayList<>()).add(r));
        return byConfig.values().stream().min(Comparator.comparingDouble(rs -> AxesFigures.mean(rs.stream().map(AxesRuns.Run::loss).toList())))
                .orElseThrow().get(0);
    }

    private static Configuration config(double lr, double wd) {
        return new Configuration(Map.of("lr", lr, "weight_decay", wd));
    }

    private static Map<String, Recommendation> byName(List<Recommendation> recs) {
        Map<String, Recommendation> out = new LinkedHashMap<>();
        recs.forEach(r -> out.put(r.hyperparameter(), r));
        return out;
    }
}
