package io.mutune.transfer.bench;

import io.mutune.hpo.math.ScrambledSobol;
import io.mutune.hpo.runner.SegmentResult;
import io.mutune.hpo.runner.TrialContext;
import io.mutune.hpo.runner.TrialRunner;
import io.mutune.hpo.runner.TrialSegment;
import io.mutune.hpo.space.Configuration;
import io.mutune.hpo.space.SearchSpace;
import io.mutune.transfer.proxy.ProxyRunners;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * Seed noise of the curve table's proxy: trains chosen table rows to the maximum resource with
 * several seeds at a given width, and prints each row's relative standard deviation of the final
 * {@code val_loss}, the pooled one, and which rows are within 1% of the best mean by the first
 * three seeds (the committed tables) and by all of them. It tells whether "within 1% of the best
 * row" is a resolvable target: a row mean over {@code k} runs is only known to about sd/sqrt(k).
 *
 * <p>Seed {@code s} (0-based) of row {@code r} is {@code 1000 (s + 1) + r}, the seeds of
 * {@code CurveTable}'s tables, so at the table's width the first three seeds reproduce the three
 * committed tables exactly.
 *
 * <p>Usage: {@code SeedNoise TABLE.csv WIDTH ROW[,ROW...] SEEDS [THREADS]} (THREADS rows train side
 * by side, 1 or 2, default 1).
 */
public final class SeedNoise {
    private SeedNoise() {
    }

    public static void main(String[] args) throws Exception {
        Path table = Path.of(args[0]);
        double width = Double.parseDouble(args[1]);
        int[] rows = Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt).toArray();
        int seeds = Integer.parseInt(args[3]);
        int threads = args.length > 4 ? CurveTable.benchThreads(args[4]) : 1;
        if (seeds < 3) {
            throw new IllegalArgumentException("SEEDS must be at least 3 (the committed tables' seeds come first), got " + seeds);
        }
        SearchSpace space = CurveTable.space(table);
        ScrambledSobol sobol = new ScrambledSobol(space.dimension(), CurveTable.SOBOL_SEED);
        TrialRunner runner = ProxyRunners.fromSpec(CurveTable.proxySpec());
        long maxResource = CurveTable.LEVELS[CurveTable.LEVELS.length - 1];
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<double[]>> jobs = new ArrayList<>();
        for (int row : rows) {
            Configuration c = space.decode(sobol.point(row));
            jobs.add(pool.submit(() -> {
                double[] finals = new double[seeds];
                for (int s = 0; s < seeds; s++) {
                    SegmentResult r = runner.run(new TrialSegment("r" + row, c, Map.of("width", width), 0, maxResource, null, null,
                            1000L * (s + 1) + row), TrialContext.cpu());
                    finals[s] = r.outcome() == SegmentResult.Outcome.COMPLETED ? r.metrics().get("val_loss") : Double.NaN;
                }
                return finals;
            }));
        }
        double[][] finals = new double[rows.length][];
        try {
            for (int i = 0; i < rows.length; i++) {
                finals[i] = jobs.get(i).get();
            }
        } finally {
            pool.shutdownNow();
        }
        double pooledVariance = 0;
        for (int i = 0; i < rows.length; i++) {
            double mean = mean(finals[i], seeds);
            double variance = Arrays.stream(finals[i]).map(x -> (x - mean) * (x - mean)).sum() / (seeds - 1);
            pooledVariance += variance / (mean * mean) / rows.length;
            System.out.printf("width %.0f row %d: mean %.5f, relative sd %.4f, runs %s%n", width, rows[i], mean,
                    Math.sqrt(variance) / mean, Arrays.toString(finals[i]));
        }
        System.out.printf("width %.0f: pooled relative sd %.4f over %d rows x %d seeds (%.0f s)%n", width,
                Math.sqrt(pooledVariance), rows.length, seeds, (System.nanoTime() - t0) / 1e9);
        for (int k : seeds == 3 ? new int[] {3} : new int[] {3, seeds}) {
            double[] means = Arrays.stream(finals).mapToDouble(f -> mean(f, k)).toArray();
            double best = Arrays.stream(means).min().orElseThrow();
            int[] order = IntStream.range(0, rows.length).boxed().sorted(Comparator.comparingDouble(i -> means[i]))
                    .mapToInt(i -> rows[i]).toArray();
            int[] within = IntStream.range(0, rows.length).filter(i -> means[i] <= 1.01 * best).map(i -> rows[i]).toArray();
            System.out.printf("width %.0f, by the first %d seeds: best mean %.5f, rows within 1%% of it %s, order %s%n",
                    width, k, best, Arrays.toString(within), Arrays.toString(order));
        }
    }

    private static double mean(double[] finals, int firstSeeds) {
        return Arrays.stream(finals, 0, firstSeeds).average().orElseThrow();
    }
}
