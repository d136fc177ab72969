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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Trains the every-axis benchmark's runs on a thread pool and appends each finished run to a CSV
 * as it ends (phase, scale, configuration, seed, loss, seconds, FLOPs and every metric, the
 * branched horizons' losses among them), so a run stopped part-way leaves every result it reached.
 * A run already in the CSV (same phase, scale, configuration and seed) is read back instead of
 * trained again: rerunning the benchmark resumes it. Delete the CSV to start over.
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

    static final String HEADER = "phase,width,depth,tokens,batch,lr,weight_decay,seed,val_loss,seconds,flops,branches,metrics";

    private final AxesScale scale;
    private final ExecutorService pool;
    private final Writer csv;
    private final Map<Map<String, Double>, TrialRunner> runners = new LinkedHashMap<>();
    private final Map<String, Run> done = new LinkedHashMap<>();
    private int resumed;

    AxesRuns(AxesScale scale, int threads, Path csvFile) throws IOException {
        this.scale = scale;
        this.pool = Executors.newFixedThreadPool(threads);
        if (Files.exists(csvFile)) {
            // Only whole lines: a run killed while writing leaves its last line without a newline, and that run is trained again.
            String text = Files.readString(csvFile, StandardCharsets.UTF_8);
            List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
            lines.remove(lines.size() - 1);
            if (!text.isEmpty() && !text.endsWith("\n")) {
                Files.writeString(csvFile, lines.isEmpty() ? "" : String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
            }
            if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
                // An older layout lacks the branched horizons' losses, so its proxy runs cannot stand in for a training.
                Path aside = csvFile.resolveSibling(csvFile.getFileName() + ".old");
                Files.move(csvFile, aside, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                TransferExperiment.log(csvFile + " has another layout (no metrics column): moved to " + aside + ", training afresh");
            } else {
                lines.subList(1, lines.size()).stream().filter(l -> !l.isBlank()).map(AxesRuns::parse).forEach(r -> done.put(key(r), r));
                TransferExperiment.log(csvFile + ": " + done.size() + " finished runs read back, not trained again");
            }
        }
        boolean fresh = !Files.exists(csvFile);
        this.csv = Files.newBufferedWriter(csvFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        if (fresh) {
            csv.write(HEADER + "\n");
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

    /** The run's outcome: read back from the CSV when an earlier invocation finished it, else trained now. */
    Future<Run> submit(String phase, TrialRunner runner, Map<String, Double> at, Configuration config, long seed) {
        Run earlier;
        synchronized (this) {
            earlier = done.get(key(phase, at, config, seed));
            if (earlier != null) {
                resumed++;
            }
        }
        if (earlier != null) {
            // The submitted values, not the CSV's 6 digits: a configuration read back must equal the same one trained now.
            return CompletableFuture.completedFuture(new Run(phase, Map.copyOf(at), config, seed, earlier.result(), earlier.seconds(),
                    earlier.flops()));
        }
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

    /** How many submitted runs were read back from the CSV instead of trained. */
    synchronized int resumed() {
        return resumed;
    }

    private synchronized void record(Run run) throws IOException {
        Map<String, Double> s = run.scale();
        long branches = run.result().metrics().keySet().stream().filter(k -> k.startsWith(METRIC + "@")).count();
        StringBuilder metrics = new StringBuilder();
        run.result().metrics().forEach((k, v) -> metrics.append(metrics.length() == 0 ? "" : ";").append(k).append(':')
                .append(String.format(Locale.ROOT, "%.9g", v)));
        csv.write(String.format(Locale.ROOT, "%s,%s,%.2f,%.4g,%d,%s%n", key(run), String.format(Locale.ROOT, "%.6g", run.loss()),
                run.seconds(), run.flops(), branches, metrics));
        csv.flush();
    }

    /** phase, width, depth, tokens, batch, lr, weight_decay, seed: the CSV's first columns, which name a run. */
    private static String key(String phase, Map<String, Double> s, Configuration config, long seed) {
        return String.format(Locale.ROOT, "%s,%.0f,%.0f,%.0f,%.0f,%.6g,%.6g,%d", phase, s.get("width"),
                s.getOrDefault("depth", (double) AxesScale.DEPTH), s.get("tokens"), s.get("batch"), config.getDouble("lr"),
                config.getDouble("weight_decay"), seed);
    }

    private static String key(Run r) {
        return key(r.phase(), r.scale(), r.config(), r.seed());
    }

    /** A CSV line back into a run; a NaN loss is a run that did not complete. */
    private static Run parse(String line) {
        String[] f = line.split(",", -1);
        Map<String, Double> at = new LinkedHashMap<>();
        at.put("width", Double.parseDouble(f[1]));
        if (Double.parseDouble(f[2]) != AxesScale.DEPTH) {
            at.put("depth", Double.parseDouble(f[2]));
        }
        at.put("tokens", Double.parseDouble(f[3]));
        at.put("batch", Double.parseDouble(f[4]));
        Configuration config = new Configuration(Map.of("lr", Double.parseDouble(f[5]), "weight_decay", Double.parseDouble(f[6])));
        Map<String, Double> metrics = new LinkedHashMap<>();
        if (!f[12].isEmpty()) {
            for (String kv : f[12].split(";")) {
                int colon = kv.lastIndexOf(':');
                metrics.put(kv.substring(0, colon), Double.parseDouble(kv.substring(colon + 1)));
            }
        }
        double loss = Double.parseDouble(f[8]);
        SegmentResult result = Double.isNaN(loss) ? SegmentResult.diverged(AxesScale.RESOURCE, List.of(), "read back from the CSV")
                : SegmentResult.completed(AxesScale.RESOURCE, metrics, List.of(), null);
        return new Run(f[0], at, config, Long.parseLong(f[7]), result, Double.parseDouble(f[9]), Double.parseDouble(f[10]));
    }

    @Override
    public void close() throws IOException {
        pool.shutdown();
        csv.close();
    }
}
