package io.mutune.transfer.bench;

import io.mutune.hpo.runner.SegmentResult;
import io.mutune.hpo.runner.TrialContext;
import io.mutune.hpo.runner.TrialRunner;
import io.mutune.hpo.runner.TrialSegment;
import io.mutune.hpo.space.Configuration;
import io.mutune.transfer.proxy.BranchMetrics;
import io.mutune.transfer.proxy.ProxyRunners;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Trains the every-axis benchmark's runs on a thread pool and appends each finished run to a CSV
 * as it ends (phase, scale, configuration, seed, loss, seconds, FLOPs), so a run stopped part-way
 * leaves every result it reached.
 */
final class AxesRuns implements AutoCloseable {
    static final String METRIC = "val_loss";

    /** One training run's outcome. */
    record Run(String phase, Map<String, Double> scale, Configuration config, long seed, SegmentResult result, double seconds,
               double flops) {
        double loss() {
            return result.outcome() == SegmentResult.Outcome.COMPLETED ? result.metrics().getOrDefault(METRIC, Double.NaN) : Double.NaN;
        }
    }

    private final AxesScale scale;
    private final ExecutorService pool;
    private final Writer csv;
    private final Map<Map<String, Double>, TrialRunner> runners = new LinkedHashMap<>();

    AxesRuns(AxesScale scale, int threads, Path csvFile) throws IOException {
        this.scale = scale;
        this.pool = Executors.newFixedThreadPool(threads);
        boolean fresh = !Files.exists(csvFile);
        this.csv = Files.newBufferedWriter(csvFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        if (fresh) {
            csv.write("phase,width,depth,tokens,batch,lr,weight_decay,seed,val_loss,seconds,flops,branches\n");
            csv.flush();
        }
    }

    /** The runner for the proxies' sweep (its horizons branch under WSD). */
    synchronized TrialRunner proxies() {
        return runners.computeIfAbsent(Map.of(), k -> ProxyRunners.forSweep(scale.spec(), scale.scales(), AxesScale.RESOURCE));
    }

    /** A runner for one point outside the proxies' grid (the target, a baseline's batch). */
    synchronized TrialRunner at(Map<String, Double> point) {
        return runners.computeIfAbsent(Map.copyOf(point), p -> {
            Map<String, List<Double>> axes = new LinkedHashMap<>();
            point.forEach((k, v) -> axes.put(k, List.of(v)));
            return ProxyRunners.forSweep(scale.spec(), axes, AxesScale.RESOURCE);
        });
    }

    Future<Run> submit(String phase, TrialRunner runner, Map<String, Double> at, Configuration config, long seed) {
        return pool.submit(() -> {
            long t0 = System.nanoTime();
            SegmentResult r = runner.run(new TrialSegment("axes", config, at, 0, AxesScale.RESOURCE, null, null, seed), TrialContext.cpu());
            double seconds = (System.nanoTime() - t0) / 1e9;
            double steps = scale.steps(at) + r.metrics().getOrDefault(BranchMetrics.BRANCH_STEPS, 0.0);
            Run run = new Run(phase, Map.copyOf(at), config, seed, r, seconds, steps * scale.flopsPerStep(at));
            record(run);
            return run;
        });
    }

    private synchronized void record(Run run) throws IOException {
        Map<String, Double> s = run.scale();
        long branches = run.result().metrics().keySet().stream().filter(k -> k.startsWith(METRIC + "@")).count();
        csv.write(String.format(Locale.ROOT, "%s,%.0f,%.0f,%.0f,%.0f,%.6g,%.6g,%d,%.6g,%.2f,%.4g,%d%n", run.phase(), s.get("width"),
                s.getOrDefault("depth", (double) AxesScale.DEPTH), s.get("tokens"), s.get("batch"), run.config().getDouble("lr"),
                run.config().getDouble("weight_decay"), run.seed(), run.loss(), run.seconds(), run.flops(), branches));
        csv.flush();
    }

    @Override
    public void close() throws IOException {
        pool.shutdown();
        csv.close();
    }
}
