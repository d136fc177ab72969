package io.mutune.bench;

import io.mutune.hpo.tuner.Searchers;
import io.mutune.hpo.tuner.TrialReport;
import io.mutune.hpo.tuner.TrialRequest;
import io.mutune.hpo.tuner.Tuner;
import io.mutune.hpo.tuner.TunerSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs each searcher on each function for several seeds, asking in batches of 4 (4 parallel
 * workers) and telling after each batch, and writes the best-so-far value after every evaluation
 * to a CSV: method,function,seed,evals,best,regret.
 *
 * <p>Usage: {@code SearcherBenchmark OUT.csv SEEDS BUDGET METHOD[,METHOD] FUNCTION[,FUNCTION]}
 */
public final class SearcherBenchmark {
    private SearcherBenchmark() { }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        int seeds = Integer.parseInt(args[1]);
        int budget = Integer.parseInt(args[2]);
        String[] methods = args[3].split(",");
        String[] functions = args[4].split(",");
        // FIRST_SEED: a held-out block of seeds, to check a setting chosen on seeds 0..19
        int first = Integer.parseInt(System.getenv().getOrDefault("FIRST_SEED", "0"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
            w.println("method,function,seed,evals,best,regret");
            for (String fn : functions) {
                BenchFunction f = Functions.byName(fn);
                for (String m : methods) {
                    long t0 = System.nanoTime();
                    for (int seed = first; seed < first + seeds; seed++) {
                        List<Double> best = run(f, m, seed, budget);
                        for (int i = 0; i < best.size(); i++) {
                            w.printf("%s,%s,%d,%d,%.12g,%.6g%n", m, fn, seed, i + 1, best.get(i), best.get(i) - f.minimum());
                        }
                    }
                    w.flush();
                    System.out.printf("%-10s %-12s %d seeds in %.1f s%n", m, fn, seeds, (System.nanoTime() - t0) / 1e9);
                }
            }
        }
    }

    /** "tpe" or "tpe:candidates=64;gamma=0.15": a searcher name with numeric options. */
    static io.mutune.hpo.tuner.Searcher searcher(String method, BenchFunction f) {
        String[] parts = method.split(":", 2);
        Map<String, Object> options = new java.util.HashMap<>();
        if (parts.length == 2) {
            for (String kv : parts[1].split(";")) {
                String[] p = kv.split("=");
                double v = Double.parseDouble(p[1]);
                options.put(p[0], v == Math.rint(v) ? (Object) (long) v : (Object) v);
            }
        }
        return Searchers.byName(parts[0], f.space(), options);
    }

    static List<Double> run(BenchFunction f, String method, long seed, int budget) {
        Tuner t = Tuner.create(f.space(), searcher(method, f),
                new TunerSettings(seed, budget, 1, "b", "min"));
        List<Double> bestSoFar = new ArrayList<>();
        double best = Double.POSITIVE_INFINITY;
        while (!t.isFinished()) {
            List<TrialRequest> batch = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                t.ask().ifPresent(batch::add);
            }
            for (TrialRequest r : batch) {
                double v = f.value(r.config());
                t.tell(TrialReport.completed(r.trialId(), r.toResource(), v));
                best = Math.min(best, v);
                bestSoFar.add(best);
            }
        }
        return bestSoFar;
    }
}
