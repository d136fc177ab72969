package io.mutune.transfer.bench;

import io.mutune.hpo.runner.SegmentResult;
import io.mutune.hpo.runner.TrialContext;
import io.mutune.hpo.runner.TrialRunner;
import io.mutune.hpo.runner.TrialSegment;
import io.mutune.hpo.space.Configuration;
import io.mutune.transfer.proxy.ProxyRunners;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Re-measures an MLP sweep with more seeds around each width's optimum: for every width, the
 * grid points within two steps of the single-seed optimum are trained with seeds 1..n and their
 * validation losses averaged. Writes {@code mlp-<p>-<n>seeds.csv} beside the single-seed CSV.
 * Usage: {@code SeedAverage out-dir parametrization seeds [zero-readout]}; {@code zero-readout} reads and
 * writes the {@code -zero} files, as {@link TransferBenchmark} names them.
 */
public final class SeedAverage {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        String p = args[1];
        int seeds = Integer.parseInt(args[2]);
        boolean zero = args.length > 3 && args[3].equals("zero-readout");
        String name = (zero ? p + "-zero" : p) + TransferBenchmark.mlpStepsSuffix();
        LrSweep single = LrSweep.fromCsv("mlp", name, Files.readAllLines(out.resolve("mlp-" + name + ".csv")));
        TrialRunner runner = ProxyRunners.fromSpec(TransferBenchmark.zeroReadout(TransferBenchmark.mlpSpec(p), zero));
        LrSweep averaged = new LrSweep("mlp", name + "-" + seeds + "seeds");
        for (int w : single.widths()) {
            double k0 = Math.log(single.optimum(w)) / Math.log(Math.sqrt(2));
            List<Double> lrs = single.cells.stream().filter(c -> c.width() == w)
                    .map(LrSweep.Cell::lr).filter(lr -> Math.abs(Math.log(lr) / Math.log(Math.sqrt(2)) - k0) <= 2.01)
                    .sorted().toList();
            for (double lr : lrs) {
                double sum = 0;
                double secs = 0;
                for (long seed = 1; seed <= seeds; seed++) {
                    long t0 = System.nanoTime();
                    SegmentResult r = runner.run(new TrialSegment("avg", new Configuration(Map.of("lr", lr)),
                            Map.of("width", (double) w), 0, TransferBenchmark.MLP_STEPS, null, null, seed), TrialContext.cpu());
                    secs += (System.nanoTime() - t0) / 1e9;
                    sum += r.outcome() == SegmentResult.Outcome.COMPLETED ? r.metrics().get("val_loss") : Double.NaN;
                }
                averaged.cells.add(new LrSweep.Cell(w, lr, sum / seeds, secs, (long) TransferBenchmark.MLP_STEPS * 64 * seeds));
                System.out.printf(Locale.ROOT, "width %d lr %.4g: mean val_loss over %d seeds %.5f%n", w, lr, seeds, sum / seeds);
            }
            Files.writeString(out.resolve("mlp-" + name + "-" + seeds + "seeds.csv"), averaged.csv());
        }
        System.out.println(Summary.markdown(List.of(averaged)));
    }
}
