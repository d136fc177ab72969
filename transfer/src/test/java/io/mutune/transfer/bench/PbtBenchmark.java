package io.mutune.transfer.bench;

import io.mutune.hpo.space.SearchSpace;
import io.mutune.hpo.runner.SegmentResult;
import io.mutune.hpo.runner.TrialContext;
import io.mutune.hpo.runner.TrialRunner;
import io.mutune.hpo.runner.TrialSegment;
import io.mutune.hpo.schedule.PbtExplorer;
import io.mutune.hpo.schedule.PbtScheduler;
import io.mutune.hpo.searcher.RandomSearcher;
import io.mutune.hpo.tuner.TrialReport;
import io.mutune.hpo.tuner.TrialRequest;
import io.mutune.hpo.tuner.Tuner;
import io.mutune.hpo.tuner.TunerSettings;
import io.mutune.transfer.proxy.ProxyRunners;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * PBT on real training, the part of the multi-fidelity benchmark a table cannot replay (PBT
 * changes hyperparameters mid-run and copies weights): the same proxy, space and maximum resource
 * as {@link CurveTable}, WORKERS workers per population (one: ask, train, tell; more: the driver
 * hands a segment to every free worker and tells results as they arrive, so members are exploited
 * against whatever has been reported at that moment, never in lockstep), each exploit resuming the
 * parent's checkpoint. The target and the regret are measured against the table's best final
 * loss, as for the tabular methods (with replicate tables, the best row's mean over them). Writes method,seed,resource,value rows like
 * io.mutune.bench.MultiFidelityBenchmark (resource -1: resource spent to reach the target, inf
 * when the population finished without reaching it), plus one summary line per seed on stdout with
 * the workers' utilisation (time training over workers x wall time).
 *
 * <p>Usage: {@code PbtBenchmark OUT.csv SEEDS POPULATION INTERVAL THREADS TABLE.csv[,REPLICATE.csv...] [WORKERS]};
 * THREADS populations train side by side, each with WORKERS (default 1) workers on one PyTorch
 * thread each. The method is {@code pbt} with one worker and {@code pbt-W-workers} with more.
 */
public final class PbtBenchmark {
    private static final long MAX_RESOURCE = CurveTable.LEVELS[CurveTable.LEVELS.length - 1];

    private PbtBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int seeds = Integer.parseInt(args[1]);
        int population = Integer.parseInt(args[2]);
        long interval = Long.parseLong(args[3]);
        int threads = Integer.parseInt(args[4]);
        int workers = args.length > 6 ? Integer.parseInt(args[6]) : 1;
        if (threads < 1 || workers < 1 || threads * workers > 2) {
            throw new IllegalArgumentException("THREADS x WORKERS must be 1 or 2 (the benchmark machine is shared), got "
                    + threads + " x " + workers);
        }
        List<Path> tables = Stream.of(args[5].split(",")).map(Path::of).toList();
        double best = bestMeanFinal(tables);
        SearchSpace space = CurveTable.space(tables.get(0));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<String>> runs = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int seed = 0; seed < seeds; seed++) {
            int s = seed;
            runs.add(pool.submit(() -> run(s, space, population, interval, best, workers)));
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
            w.println("method,seed,resource,value");
            for (Future<String> f : runs) {
                w.print(f.get());
                w.flush();
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("pbt: %d seeds in %.0f s%n", seeds, (System.nanoTime() - t0) / 1e9);
    }

    /** The best finite mean, over the replicate tables, of a row's final loss (the last column). */
    static double bestMeanFinal(List<Path> tables) throws IOException {
        double[] sum = null;
        for (Path table : tables) {
            List<String> lines = Files.readAllLines(table);
            if (sum == null) {
                sum = new double[lines.size() - 1];
            }
            for (int i = 0; i < sum.length; i++) {
                String line = lines.get(i + 1);
                sum[i] += Double.parseDouble(line.substring(line.lastIndexOf(',') + 1));
            }
        }
        double best = Double.POSITIVE_INFINITY;
        for (double s : sum) {
            if (s / tables.size() < best) {
                best = s / tables.size();
            }
        }
        return best;
    }

    /** A segment's outcome, with how long its worker spent on it. */
    private record Finished(TrialRequest request, SegmentResult result, long busyNanos) {
    }

    /** One population until a member trained to the maximum meets the target, or all are done; returns its CSV rows. */
    static String run(long seed, SearchSpace space, int population, long interval, double best, int workers) throws Exception {
        String method = workers == 1 ? "pbt" : "pbt-" + workers + "-workers";
        Tuner t = Tuner.create(space, new RandomSearcher(),
                new PbtScheduler(interval, 0.25, new PbtExplorer(space, 0.25, new double[] {0.8, 1.2})),
                new TunerSettings(seed, population, MAX_RESOURCE, "pbt", "min"));
        TrialRunner runner = ProxyRunners.fromSpec(CurveTable.proxySpec());
        Path scratch = Files.createTempDirectory("pbt-" + seed + "-");
        // only the driver thread reads and writes it: a worker's checkpoint is recorded when its result is told
        Map<String, String> checkpoints = new HashMap<>(); // "trial@resource" -> uri
        StringBuilder rows = new StringBuilder();
        double incumbent = Double.POSITIVE_INFINITY;
        double toTarget = Double.POSITIVE_INFINITY;
        int exploits = 0;
        int divergences = 0;
        long busy = 0;
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        ExecutorCompletionService<Finished> done = new ExecutorCompletionService<>(pool);
        int running = 0;
        try {
            while (true) {
                while (running < workers) {
                    Optional<TrialRequest> next = t.ask();
                    if (next.isEmpty()) {
                        break; // every member is running or done; a result may free one
                    }
                    TrialRequest r = next.get();
                    exploits += r.parentTrialId() != null ? 1 : 0;
                    String resume = r.resumeFromTrialId() == null ? null : checkpoints.get(r.resumeFromTrialId() + "@" + r.fromResource());
                    if (r.fromResource() > 0 && resume == null) {
                        throw new IllegalStateException("no checkpoint for " + r);
                    }
                    String save = "file:" + scratch.resolve(r.trialId() + "@" + r.toResource() + ".ckpt");
                    // the trial's own seed orders its batches; a copied member goes on with its own data order
                    TrialSegment segment = new TrialSegment(r.trialId(), r.config(), Map.of("width", (double) CurveTable.WIDTH),
                            r.fromResource(), r.toResource(), resume, save, 1000L * (seed + 1) + r.number());
                    done.submit(() -> {
                        long start = System.nanoTime();
                        SegmentResult res = runner.run(segment, TrialContext.cpu());
                        return new Finished(r, res, System.nanoTime() - start);
                    });
                    running++;
                }
                if (running == 0) {
                    break; // the population is done
                }
                Finished f = done.take().get();
                running--;
                busy += f.busyNanos();
                TrialRequest r = f.request();
                SegmentResult res = f.result();
                if (res.outcome() != SegmentResult.Outcome.COMPLETED) {
                    divergences++;
                    t.tell(new TrialReport(r.trialId(), res.resource(), Double.NaN, TrialReport.Outcome.DIVERGED, res.message()));
                    continue;
                }
                checkpoints.put(r.trialId() + "@" + r.toResource(), res.checkpoint());
                double loss = res.metrics().get("val_loss");
                t.tell(TrialReport.completed(r.trialId(), r.toResource(), loss));
                if (r.toResource() == MAX_RESOURCE && loss < incumbent) {
                    incumbent = loss;
                    rows.append(String.format("%s,%d,%d,%.6g%n", method, seed, t.trials().resourceSpent(), incumbent - best));
                    if (loss <= 1.01 * best) {
                        toTarget = t.trials().resourceSpent();
                        break;
                    }
                }
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(1, TimeUnit.MINUTES);
            deleteTree(scratch);
        }
        long wall = System.nanoTime() - t0;
        rows.append(String.format("%s,%d,-1,%s%n", method, seed, Double.isInfinite(toTarget) ? "inf" : String.valueOf((long) toTarget)));
        System.out.printf("%s seed %d: best final %.5f (table best %.5f), resource to target %s, spent %d, %d exploits, %d divergences,"
                        + " %.0f s, utilisation %.3f%n",
                method, seed, incumbent, best, Double.isInfinite(toTarget) ? "inf" : String.valueOf((long) toTarget),
                t.trials().resourceSpent(), exploits, divergences, wall / 1e9, busy / (double) (workers * wall));
        return rows.toString();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
