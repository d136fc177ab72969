package io.mutune.transfer.bench;

import io.mutune.hpo.space.Configuration;
import io.mutune.transfer.rules.FitSpace;
import io.mutune.transfer.rules.OptimumEstimator;
import io.mutune.transfer.rules.ScaleOptimum;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Diagnostic for the rules benchmark: the LR sweep of {@link BenchScale}'s grid at several widths
 * with every other hyperparameter held fixed (e.g. at the multipliers recommended for the
 * target), so that the LR optimum's movement with width is measured alone, without the
 * per-width multiplier optima that the proxies' LR profiles mix in.
 * Usage: {@code FixedMultiplierSweep scale parametrization init_std output_mult widths out.csv}.
 */
public final class FixedMultiplierSweep {

    private FixedMultiplierSweep() {
    }

    public static void main(String[] args) throws Exception {
        BenchScale scale = BenchScale.fromArgs(new String[] {args[0], "unused", args[1]});
        String p = args[1];
        double initStd = Double.parseDouble(args[2]);
        double outputMult = Double.parseDouble(args[3]);
        List<Double> widths = java.util.Arrays.stream(args[4].split(",")).map(Double::valueOf).toList();
        Path csv = Path.of(args[5]);
        ProxyTrainer trainer = new ProxyTrainer(io.mutune.transfer.proxy.ProxyRunners::fromSpec, scale.spec(), scale.metric(),
                scale.steps(), scale.seed(), scale::flopsPerStep);
        StringBuilder out = new StringBuilder("parametrization,width,lr,init_std,output_mult,loss,diverged,seconds\n");
        for (double w : widths) {
            List<BenchTrial> trials = new ArrayList<>();
            for (double lr : scale.grid(p).lrGrid()) {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("lr", lr);
                c.put("init_std", initStd);
                c.put("output_mult", outputMult);
                BenchTrial t = trainer.train("fixed", p, w, new Configuration(c));
                trials.add(t);
                out.append(String.format(Locale.ROOT, "%s,%d,%.6g,%.6g,%.6g,%.6g,%b,%.2f%n", p, (int) w, lr, initStd, outputMult,
                        t.loss(), t.diverged(), t.seconds()));
                Files.writeString(csv, out);
            }
            List<io.mutune.transfer.rules.TrialObservation> obs = new ArrayList<>();
            for (int i = 0; i < trials.size(); i++) {
                obs.add(trials.get(i).observation("f" + i));
            }
            ScaleOptimum o = new OptimumEstimator(0.0025).estimate(Map.of("width", w), "lr", FitSpace.LOG, obs).orElseThrow();
            TransferExperiment.log(String.format(Locale.ROOT, "%s width %d, init_std %.3g, output_mult %.3g: lr optimum %.4g (%s, edge %s), best loss %.5f",
                    p, (int) w, initStd, outputMult, o.value(), o.method(), o.edge(), TransferExperiment.bestOf(trials).loss()));
        }
    }
}
