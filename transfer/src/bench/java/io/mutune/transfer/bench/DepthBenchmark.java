package io.mutune.transfer.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.mutune.hpo.runner.SegmentResult;
import io.mutune.hpo.runner.TrialContext;
import io.mutune.hpo.runner.TrialRunner;
import io.mutune.hpo.runner.TrialSegment;
import io.mutune.hpo.space.Configuration;
import io.mutune.transfer.proxy.ProxyRunners;
import io.mutune.transfer.recommend.Recommendation;
import io.mutune.transfer.recommend.Recommender;
import io.mutune.transfer.recommend.RecommenderSettings;
import io.mutune.transfer.recommend.RulePlan;
import io.mutune.transfer.rules.RuleForm;
import io.mutune.transfer.rules.TrialObservation;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * CompleteP across depth (issue 15, item 4): transformer proxies on the HMM language at depths
 * {@link #PROXY_DEPTHS}, a target {@link #TARGET_DEPTH} deep at the same width, under CompleteP
 * (branches scaled by 1/L, depth-corrected learning rates) and under muP with no depth rule. For
 * each: an lr sweep at every proxy depth, the recommender's lr carried as is (no depth rule) and by
 * a fitted power law in depth, a direct lr sweep at the target, and the three lrs trained there on
 * held-out seeds (gaps on means). Usage: {@code DepthBenchmark OUT_DIR}; {@code -Dbench.depthSteps}
 * (200) AdamW steps per run, {@code -Dbench.threads} (2).
 */
public final class DepthBenchmark {
    static final List<Double> PROXY_DEPTHS = List.of(2.0, 3.0, 4.0);
    static final double TARGET_DEPTH = 12;
    static final double WIDTH = 32;
    // Up to 0.16: a first run with 0.0025-0.04 had every proxy optimum at 0.04, the top edge.
    static final List<Double> LRS = List.of(0.007071, 0.01, 0.01414, 0.02, 0.02828, 0.04, 0.05657, 0.08, 0.1131, 0.16);
    static final int SEEDS = 2;
    static final int HELD_OUT = 3;

    private final long steps = Long.getLong("bench.depthSteps", 200);
    private final ExecutorService pool = Executors.newFixedThreadPool(Integer.getInteger("bench.threads", 2));
    private final Writer csv;

    private DepthBenchmark(Writer csv) {
        this.csv = csv;
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "bench-out/rules-axes");
        Files.createDirectories(out);
        Map<String, Object> summary = new LinkedHashMap<>();
        try (Writer csv = Files.newBufferedWriter(out.resolve("depth-runs.csv"), StandardCharsets.UTF_8)) {
            csv.write("parametrization,phase,depth,lr,seed,val_loss,seconds\n");
            DepthBenchmark bench = new DepthBenchmark(csv);
            summary.put("steps", bench.steps);
            for (String p : List.of("completep", "mup")) {
                summary.put(p, bench.run(p));
            }
            bench.pool.shutdown();
        }
        Path file = out.resolve("depth.json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), summary);
        TransferExperiment.log("wrote " + file);
    }

    /** Transformer, width 32, 2 heads, the HMM language of the axes benchmark; cosine with 10 % warmup; no weight decay. */
    private Map<String, Object> spec(String parametrization) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("model", "transformer");
        s.put("parametrization", parametrization);
        s.put("optimizer", "adamw");
        s.put("base", Map.of("width", (int) WIDTH, "depth", 2, "heads", 2));
        s.put("data", Map.of("kind", "synthetic-lm", "seed", 7, "states", 16));
        s.put("context", 16);
        s.put("vocab", 32);
        s.put("validation_size", 128);
        s.put("batch_size", 16);
        s.put("eval_every", (int) steps);
        s.put("schedule", Map.of("kind", "cosine", "warmup_steps", (int) (steps / 10), "total_steps", (int) steps));
        s.put("threads", 1);
        return s;
    }

    private Map<String, Object> run(String parametrization) throws Exception {
        long start = System.nanoTime();
        TrialRunner runner = ProxyRunners.fromSpec(spec(parametrization));
        TransferExperiment.log(parametrization + ": transformer width " + WIDTH + ", proxies at depths " + PROXY_DEPTHS + ", target depth "
                + TARGET_DEPTH + ", " + steps + " steps, lr " + LRS + " x " + SEEDS + " seeds; " + HELD_OUT + " held-out seeds");
        List<TrialObservation> observations = new ArrayList<>();
        List<Future<double[]>> pending = new ArrayList<>();
        List<double[]> keys = new ArrayList<>();
        for (double depth : PROXY_DEPTHS) {
            for (double lr : LRS) {
                for (int s = 0; s < SEEDS; s++) {
                    pending.add(submit(runner, parametrization, "proxy", depth, lr, s));
                    keys.add(new double[] {depth, lr});
                }
            }
        }
        for (int i = 0; i < pending.size(); i++) {
            double loss = pending.get(i).get()[0];
            Map<String, Double> at = Map.of("width", WIDTH, "depth", keys.get(i)[0]);
            observations.add(new TrialObservation("d" + i, at, new Configuration(Map.of("lr", keys.get(i)[1])), steps, loss,
                    !Double.isFinite(loss)));
        }
        Map<String, Double> target = Map.of("width", WIDTH, "depth", TARGET_DEPTH);
        RecommenderSettings settings = new RecommenderSettings(17, Integer.getInteger("bench.resamples", 1000), 0.0025, parametrization);
        Recommendation asIs = lr(observations, target, settings, List.of());
        Recommendation inDepth = lr(observations, target, settings, List.of("depth"));
        TransferExperiment.log(parametrization + " no depth rule: " + AxesFigures.line(asIs));
        TransferExperiment.log(parametrization + " lr in depth: " + AxesFigures.line(inDepth));

        Map<Double, List<Double>> direct = new LinkedHashMap<>();
        List<Future<double[]>> dp = new ArrayList<>();
        for (double lr : LRS) {
            for (int s = 0; s < SEEDS; s++) {
                dp.add(submit(runner, parametrization, "direct", TARGET_DEPTH, lr, 1000 + s));
            }
        }
        for (int i = 0; i < dp.size(); i++) {
            direct.computeIfAbsent(LRS.get(i / SEEDS), k -> new ArrayList<>()).add(dp.get(i).get()[0]);
        }
        double bestLr = direct.entrySet().stream().min(Comparator.comparingDouble(e -> AxesFigures.mean(e.getValue()))).orElseThrow().getKey();
        boolean edge = bestLr == LRS.get(0) || bestLr == LRS.get(LRS.size() - 1);
        TransferExperiment.log(String.format(Locale.ROOT, "%s direct sweep at depth %.0f: best lr %.4g (mean %.5f)%s", parametrization,
                TARGET_DEPTH, bestLr, AxesFigures.mean(direct.get(bestLr)), edge ? " ON THE GRID'S EDGE" : ""));

        Map<String, Double> arms = new LinkedHashMap<>();
        arms.put("direct best", bestLr);
        arms.put("no depth rule (lr as is)", asIs.value());
        arms.put("lr in depth (fitted rule)", inDepth.value());
        Map<String, List<Future<double[]>>> hp = new LinkedHashMap<>();
        arms.forEach((name, lr) -> {
            for (int s = 0; s < HELD_OUT; s++) {
                hp.computeIfAbsent(name, k -> new ArrayList<>()).add(submit(runner, parametrization, "held-out " + name, TARGET_DEPTH, lr, 2000 + s));
            }
        });
        Map<String, List<Double>> heldOut = new LinkedHashMap<>();
        for (Map.Entry<String, List<Future<double[]>>> e : hp.entrySet()) {
            for (Future<double[]> f : e.getValue()) {
                heldOut.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(f.get()[0]);
            }
        }
        double reference = AxesFigures.mean(heldOut.get("direct best"));
        Map<String, Object> arm = new LinkedHashMap<>();
        heldOut.forEach((name, l) -> {
            double gap = AxesFigures.mean(l) / reference - 1;
            arm.put(name, Map.of("lr", arms.get(name), "lrRatio", arms.get(name) / bestLr, "losses", l, "mean", AxesFigures.mean(l),
                    "sd", AxesFigures.sd(l), "gap", gap));
            TransferExperiment.log(String.format(Locale.ROOT, "%s held-out %-28s lr %.4g (ratio %.3f) mean %.5f sd %.5f gap %+.3f%%",
                    parametrization, name, arms.get(name), arms.get(name) / bestLr, AxesFigures.mean(l), AxesFigures.sd(l), 100 * gap));
        });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("noDepthRule", AxesFigures.describe(asIs));
        out.put("lrInDepth", AxesFigures.describe(inDepth));
        List<Map<String, Object>> grid = new ArrayList<>();
        direct.forEach((lr, l) -> grid.add(Map.of("lr", lr, "losses", l, "mean", AxesFigures.mean(l))));
        out.put("direct", Map.of("grid", grid, "bestLr", bestLr, "bestAtGridEdge", edge));
        out.put("heldOut", arm);
        out.put("wallSeconds", (System.nanoTime() - start) / 1e9);
        return out;
    }

    private Recommendation lr(List<TrialObservation> observations, Map<String, Double> target, RecommenderSettings settings, List<String> axes) {
        RulePlan plan = new RulePlan(Map.of("lr", new RuleForm("lr", RuleForm.Kind.POWER_LAW, axes, null)),
                ProxyRunners.scaleFacts(spec(settings.parametrization())));
        return Recommender.recommend(observations, List.of("lr"), List.of(target), settings, plan).get(0);
    }

    /** {final val_loss (NaN when it diverged), seconds}; each finished run is a CSV line. */
    private Future<double[]> submit(TrialRunner runner, String parametrization, String phase, double depth, double lr, long seed) {
        return pool.submit(() -> {
            long t0 = System.nanoTime();
            SegmentResult r = runner.run(new TrialSegment("depth", new Configuration(Map.of("lr", lr)), Map.of("width", WIDTH, "depth", depth),
                    0, steps, null, null, seed), TrialContext.cpu());
            double loss = r.outcome() == SegmentResult.Outcome.COMPLETED ? r.metrics().getOrDefault("val_loss", Double.NaN) : Double.NaN;
            double seconds = (System.nanoTime() - t0) / 1e9;
            synchronized (csv) {
                csv.write(String.format(Locale.ROOT, "%s,%s,%.0f,%.6g,%d,%.6g,%.2f%n", parametrization, phase, depth, lr, seed, loss, seconds));
                csv.flush();
            }
            return new double[] {loss, seconds};
        });
    }
}
