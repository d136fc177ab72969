package io.mutune.transfer.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.mutune.hpo.runner.SegmentResult;
import io.mutune.hpo.runner.TrialContext;
import io.mutune.hpo.runner.TrialRunner;
import io.mutune.hpo.runner.TrialSegment;
import io.mutune.hpo.space.Configuration;
import io.mutune.transfer.proxy.BranchMetrics;
import io.mutune.transfer.proxy.ProxyRunners;
import io.mutune.transfer.rules.BatchSizeRule;
import io.mutune.transfer.rules.FitSettings;
import io.mutune.transfer.rules.FittedLaw;
import io.mutune.transfer.rules.OptimumEstimator;
import io.mutune.transfer.rules.PowerLawRule;
import io.mutune.transfer.rules.ScaleFacts;
import io.mutune.transfer.rules.StepLaw;
import io.mutune.transfer.rules.TimescaleRule;
import io.mutune.transfer.rules.TrialObservation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The every-axis benchmark: proxies over width x tokens x batch (WSD, the shorter budgets
 * branched off the longest), rules for lr (width, tokens, batch), weight decay (AdamW timescale)
 * and batch size (B*(D)), a recommendation for a target that differs on every axis, a direct
 * lr x wd sweep there, and two baselines, all compared on held-out seeds. Usage:
 * {@code AxesBenchmark small|full mlp|transformer OUT_DIR}; {@code -Dbench.threads} (2) runs
 * that many trainings at once.
 */
public final class AxesBenchmark {
    private static final String METRIC = "val_loss";

    private final AxesScale scale;
    private final ExecutorService pool;
    private final ScaleFacts facts;
    private final List<Map<String, Object>> log = new ArrayList<>();
    private double proxyFlops;
    private double proxySeconds;
    private double directFlops;

    private AxesBenchmark(AxesScale scale, int threads) {
        this.scale = scale;
        this.pool = Executors.newFixedThreadPool(threads);
        this.facts = ProxyRunners.scaleFacts(scale.spec());
    }

    /** One training run's outcome. */
    record Run(Map<String, Double> scale, Configuration config, long seed, SegmentResult result, double seconds, double flops) {
        double loss() {
            return result.outcome() == SegmentResult.Outcome.COMPLETED ? result.metrics().getOrDefault(METRIC, Double.NaN) : Double.NaN;
        }
    }

    public static void main(String[] args) throws Exception {
        AxesScale scale = AxesScale.of(args.length > 0 ? args[0] : "small", args.length > 1 ? args[1] : "mlp");
        Path out = Path.of(args.length > 2 ? args[2] : "bench-out/rules-axes");
        Files.createDirectories(out);
        AxesBenchmark b = new AxesBenchmark(scale, Integer.getInteger("bench.threads", 2));
        try {
            Map<String, Object> summary = b.run();
            Path file = out.resolve("axes-" + scale.model() + "-" + scale.name() + ".json");
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), summary);
            TransferExperiment.log("wrote " + file);
        } finally {
            b.pool.shutdown();
        }
    }

    private Map<String, Object> run() throws Exception {
        long start = System.nanoTime();
        TransferExperiment.log(scale.describe());
        Map<String, Object> spec = scale.spec();
        TrialRunner proxies = ProxyRunners.forSweep(spec, scale.scales(), AxesScale.RESOURCE);
        List<Map<String, Double>> points = ProxyRunners.tunedScalePoints(spec, allPoints());
        List<Future<Run>> pending = new ArrayList<>();
        for (Map<String, Double> p : points) {
            for (double lr : scale.proxyLrs()) {
                for (double wd : scale.wdGrid()) {
                    for (int s = 0; s < scale.seeds(); s++) {
                        pending.add(submit(proxies, p, new Configuration(Map.of("lr", lr, "weight_decay", wd)), s));
                    }
                }
            }
        }
        List<TrialObservation> observations = new ArrayList<>();
        List<Run> proxyRuns = new ArrayList<>();
        for (Future<Run> f : pending) {
            Run r = f.get();
            proxyRuns.add(r);
            proxyFlops += r.flops();
            proxySeconds += r.seconds();
            String id = "p" + observations.size();
            observations.add(new TrialObservation(id, r.scale(), r.config(), AxesScale.RESOURCE, r.loss(), Double.isNaN(r.loss())));
            observations.addAll(BranchMetrics.observations(id, r.scale(), r.config(), r.result().metrics(), METRIC, AxesScale.RESOURCE));
        }
        TransferExperiment.log(String.format("proxies: %d runs at %d tuned points (%d observations with branches), %.0f s of training",
                proxyRuns.size(), points.size(), observations.size(), proxySeconds));

        FitSettings settings = new FitSettings(new OptimumEstimator(0.0025), 500, 0.95, new SplittableRandom(17));
        PowerLawRule lrRule = PowerLawRule.fit(observations, "lr", List.of("width", "tokens", "batch"), facts, settings);
        PowerLawRule lrNd = PowerLawRule.fit(observations, "lr", List.of("params", "tokens"), facts, settings);
        TimescaleRule wdRule = TimescaleRule.fit(observations, "weight_decay", "lr", facts, settings);
        BatchSizeRule batchRule = BatchSizeRule.fit(observations, "batch", List.of("tokens"), settings);
        Map<String, Object> rules = new LinkedHashMap<>();
        rules.put("lr[width,tokens,batch]", describe(lrRule.law()));
        rules.put("lr[params,tokens]", describe(lrNd.law()));
        rules.put("stepLaw.lr", StepLaw.exponents("lr"));
        rules.put("tau[tokens_per_param]", describe(wdRule.law()));
        rules.put("batch[tokens]", describe(batchRule.law()));
        rules.put("stepLaw.batch", StepLaw.exponents("batch"));
        TransferExperiment.log("rules: " + rules);

        Map<String, Double> target = scale.target();
        Run widestBest = bestProxyAtWidest(proxyRuns);
        double proxyLr = widestBest.config().getDouble("lr");
        double proxyWd = widestBest.config().getDouble("weight_decay");
        double lrRec = lrRule.law().fitted() ? lrRule.valueAt(target) : proxyLr;
        double wdRec = wdRule.law().fitted() ? wdRule.valueAt(target, lrRec) : proxyWd;
        TransferExperiment.log(String.format("target %s: recommended lr %.4g, wd %.4g%s; batch rule B* %s", target, lrRec, wdRec,
                lrRule.law().fitted() && wdRule.law().fitted() ? "" : " (a rule was insufficient: the proxy's value stands in)",
                batchRule.law().fitted() ? String.format("%.1f", batchRule.valueAt(target)) : batchRule.law().insufficientReason()));

        Map<String, List<Double>> targetAxes = new LinkedHashMap<>();
        target.forEach((k, v) -> targetAxes.put(k, List.of(v)));
        TrialRunner atTarget = ProxyRunners.forSweep(spec, targetAxes, AxesScale.RESOURCE);
        Map<Configuration, List<Run>> direct = new LinkedHashMap<>();
        List<Future<Run>> directPending = new ArrayList<>();
        for (double fl : scale.directLr()) {
            for (double fw : scale.directWd()) {
                for (int s = 0; s < scale.directSeeds(); s++) {
                    directPending.add(submit(atTarget, target, new Configuration(Map.of("lr", lrRec * fl, "weight_decay", wdRec * fw)), 1000 + s));
                }
            }
        }
        for (Future<Run> f : directPending) {
            Run r = f.get();
            directFlops += r.flops();
            direct.computeIfAbsent(r.config(), k -> new ArrayList<>()).add(r);
        }
        Configuration directBest = direct.entrySet().stream().min(java.util.Comparator.comparingDouble(e -> mean(e.getValue())))
                .orElseThrow().getKey();
        TransferExperiment.log(String.format("direct sweep: %d configurations x %d seeds, best %s (mean %.5f)", direct.size(),
                scale.directSeeds(), directBest.values(), mean(direct.get(directBest))));

        Map<String, Double> proxyBatchTarget = new LinkedHashMap<>(target);
        proxyBatchTarget.put("batch", widestBest.scale().get("batch"));
        Map<String, Double> stepTarget = new LinkedHashMap<>(target);
        stepTarget.put("batch", (double) Math.max(1, Math.round(StepLaw.batchAt(target, scale.tokensPerExample()))));
        double stepLr = StepLaw.lrAt(target, facts);
        Map<String, Object[]> heldOut = new LinkedHashMap<>();
        heldOut.put("recommended", new Object[] {target, new Configuration(Map.of("lr", lrRec, "weight_decay", wdRec))});
        heldOut.put("direct best", new Object[] {target, directBest});
        heldOut.put("(a) width-only muP: proxy's lr, wd, batch", new Object[] {proxyBatchTarget,
                new Configuration(Map.of("lr", proxyLr, "weight_decay", proxyWd))});
        heldOut.put("(b) Step Law lr and batch, proxy's wd", new Object[] {stepTarget,
                new Configuration(Map.of("lr", stepLr, "weight_decay", proxyWd))});
        Map<String, List<Future<Run>>> heldPending = new LinkedHashMap<>();
        heldOut.forEach((name, what) -> {
            @SuppressWarnings("unchecked")
            Map<String, Double> at = (Map<String, Double>) what[0];
            Map<String, List<Double>> axes = new LinkedHashMap<>();
            at.forEach((k, v) -> axes.put(k, List.of(v)));
            TrialRunner runner = ProxyRunners.forSweep(spec, axes, AxesScale.RESOURCE);
            for (int s = 0; s < scale.heldOutSeeds(); s++) {
                heldPending.computeIfAbsent(name, k -> new ArrayList<>()).add(submit(runner, at, (Configuration) what[1], 2000 + s));
            }
        });
        Map<String, List<Double>> heldLosses = new LinkedHashMap<>();
        for (Map.Entry<String, List<Future<Run>>> e : heldPending.entrySet()) {
            for (Future<Run> f : e.getValue()) {
                heldLosses.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(f.get().loss());
            }
        }
        double reference = meanOf(heldLosses.get("direct best"));
        Map<String, Object> gaps = new LinkedHashMap<>();
        heldLosses.forEach((name, losses) -> {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("losses", losses);
            g.put("mean", meanOf(losses));
            g.put("sd", sd(losses));
            g.put("gap", meanOf(losses) / reference - 1);
            gaps.put(name, g);
            TransferExperiment.log(String.format("held-out %-45s mean %.5f sd %.5f gap %+.3f%%", name, meanOf(losses), sd(losses),
                    100 * (meanOf(losses) / reference - 1)));
        });
        double lrRatio = lrRec / directBest.getDouble("lr");
        double flopShare = proxyFlops / directFlops;
        TransferExperiment.log(String.format("lr ratio %.3f (recommended / direct best), proxies cost %.1f%% of the direct sweep's FLOPs, "
                + "%.0f s wall", lrRatio, 100 * flopShare, (System.nanoTime() - start) / 1e9));

        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("scale", scale.describe());
        summary.put("target", target);
        summary.put("rules", rules);
        summary.put("recommended", Map.of("lr", lrRec, "weight_decay", wdRec, "batchRule",
                batchRule.law().fitted() ? batchRule.valueAt(target) : Double.NaN));
        summary.put("stepLaw", Map.of("lr", stepLr, "batch", stepTarget.get("batch")));
        summary.put("directBest", directBest.values());
        summary.put("directBestAtGridEdge", atEdge(directBest, lrRec, wdRec));
        summary.put("heldOut", gaps);
        summary.put("lrRatio", lrRatio);
        summary.put("proxyFlops", proxyFlops);
        summary.put("directFlops", directFlops);
        summary.put("flopShare", flopShare);
        summary.put("proxyTrainingSeconds", proxySeconds);
        summary.put("wallSeconds", (System.nanoTime() - start) / 1e9);
        summary.put("runs", log);
        return summary;
    }

    private List<Map<String, Double>> allPoints() {
        List<Map<String, Double>> out = new ArrayList<>();
        for (double w : scale.widths()) {
            for (double t : scale.tokens()) {
                for (double b : scale.batches()) {
                    Map<String, Double> p = new LinkedHashMap<>();
                    p.put("width", w);
                    p.put("tokens", t);
                    p.put("batch", b);
                    out.add(p);
                }
            }
        }
        return out;
    }

    private Future<Run> submit(TrialRunner runner, Map<String, Double> at, Configuration config, long seed) {
        return pool.submit(() -> {
            long t0 = System.nanoTime();
            SegmentResult r = runner.run(new TrialSegment("axes", config, at, 0, AxesScale.RESOURCE, null, null, seed), TrialContext.cpu());
            double seconds = (System.nanoTime() - t0) / 1e9;
            double steps = Math.round(at.get("tokens") / (at.get("batch") * scale.tokensPerExample()))
                    + r.metrics().getOrDefault(BranchMetrics.BRANCH_STEPS, 0.0);
            Run run = new Run(Map.copyOf(at), config, seed, r, seconds, steps * scale.flopsPerStep(at));
            synchronized (log) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("scale", at);
                line.put("config", config.values());
                line.put("seed", seed);
                line.put("metrics", r.metrics());
                line.put("seconds", seconds);
                log.add(line);
            }
            return run;
        });
    }

    /** The best configuration (mean over seeds) at the widest proxy's longest budget, any batch. */
    private Run bestProxyAtWidest(List<Run> runs) {
        double widest = scale.widths().get(scale.widths().size() - 1);
        Map<List<Object>, List<Run>> byConfig = new LinkedHashMap<>();
        runs.stream().filter(r -> r.scale().get("width") == widest)
                .forEach(r -> byConfig.computeIfAbsent(List.of(r.scale(), r.config()), k -> new ArrayList<>()).add(r));
        return byConfig.values().stream().min(java.util.Comparator.comparingDouble(AxesBenchmark::mean)).orElseThrow().get(0);
    }

    private boolean atEdge(Configuration best, double lrRec, double wdRec) {
        double fl = best.getDouble("lr") / lrRec;
        double fw = best.getDouble("weight_decay") / wdRec;
        List<Double> l = scale.directLr();
        List<Double> w = scale.directWd();
        return Math.abs(fl - l.get(0)) < 1e-9 * fl || Math.abs(fl - l.get(l.size() - 1)) < 1e-9 * fl
                || Math.abs(fw - w.get(0)) < 1e-9 * fw || Math.abs(fw - w.get(w.size() - 1)) < 1e-9 * fw;
    }

    private static Map<String, Object> describe(FittedLaw law) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (!law.fitted()) {
            m.put("insufficient", law.insufficientReason());
            return m;
        }
        m.put("form", law.fit().rule().form());
        m.put("coefficients", law.fit().rule().coefficients());
        Map<String, List<Double>> intervals = new LinkedHashMap<>();
        law.fit().rule().intervals().forEach((k, v) -> intervals.put(k, List.of(v[0], v[1])));
        m.put("intervals", intervals);
        m.put("scalePoints", law.fit().points().size());
        m.put("fitQuality", law.fit().fitQuality());
        return m;
    }

    private static double mean(List<Run> runs) {
        return runs.stream().mapToDouble(r -> Double.isNaN(r.loss()) ? Double.POSITIVE_INFINITY : r.loss()).average().orElse(Double.NaN);
    }

    private static double meanOf(List<Double> v) {
        return v.stream().mapToDouble(x -> x).average().orElse(Double.NaN);
    }

    private static double sd(List<Double> v) {
        if (v.size() < 2) {
            return Double.NaN;
        }
        double m = meanOf(v);
        return Math.sqrt(v.stream().mapToDouble(x -> (x - m) * (x - m)).sum() / (v.size() - 1));
    }
}
