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
import java.util.Arrays;
import java.util.Map;

/**
 * Seed noise of the curve table's proxy: trains chosen table rows to the maximum resource with
 * several seeds at a given width and prints each row's relative standard deviation of the final
 * {@code val_loss}, and the pooled one. It tells whether "within 1% of the best row" is a
 * resolvable target: a row mean over {@code k} runs is only known to about sd/sqrt(k).
 *
 * <p>Seed {@code s} (0-based) of row {@code r} is {@code 1000 (s + 1) + r}, the seeds of
 * {@code CurveTable}'s tables, so at the table's width the first three seeds reproduce the three
 * committed tables exactly.
 *
 * <p>Usage: {@code SeedNoise TABLE.csv WIDTH ROW[,ROW...] SEEDS}
 */
public final class SeedNoise {
    private SeedNoise() {
    }

    public static void main(String[] args) throws Exception {
        Path table = Path.of(args[0]);
        double width = Double.parseDouble(args[1]);
        int[] rows = Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt).toArray();
        int seeds = Integer.parseInt(args[3]);
        if (seeds < 2) {
            throw new IllegalArgumentException("SEEDS must be at least 2 to estimate a spread, got " + seeds);
        }
        SearchSpace space = CurveTable.space(table);
        ScrambledSobol sobol = new ScrambledSobol(space.dimension(), CurveTable.SOBOL_SEED);
        TrialRunner runner = ProxyRunners.fromSpec(CurveTable.proxySpec());
        long maxResource = CurveTable.LEVELS[CurveTable.LEVELS.length - 1];
        long t0 = System.nanoTime();
        double pooledVariance = 0;
        for (int row : rows) {
            Configuration c = space.decode(sobol.point(row));
            double[] finals = new double[seeds];
            for (int s = 0; s < seeds; s++) {
                SegmentResult r = runner.run(new TrialSegment("r" + row, c, Map.of("width", width), 0, maxResource, null, null,
                        1000L * (s + 1) + row), TrialContext.cpu());
                finals[s] = r.outcome() == SegmentResult.Outcome.COMPLETED ? r.metrics().get("val_loss") : Double.NaN;
            }
            double mean = Arrays.stream(finals).average().orElseThrow();
            double variance = Arrays.stream(finals).map(x -> (x - mean) * (x - mean)).sum() / (seeds - 1);
            pooledVariance += variance / (mean * mean) / rows.length;
            System.out.printf("width %.0f row %d: mean %.5f, relative sd %.4f, runs %s%n", width, row, mean,
                    Math.sqrt(variance) / mean, Arrays.toString(finals));
        }
        System.out.printf("width %.0f: pooled relative sd %.4f over %d rows x %d seeds (%.0f s)%n", width,
                Math.sqrt(pooledVariance), rows.length, seeds, (System.nanoTime() - t0) / 1e9);
    }
}
