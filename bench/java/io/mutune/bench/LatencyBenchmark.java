package io.mutune.bench;

import io.mutune.hpo.space.Configuration;
import io.mutune.hpo.tuner.Observation;
import io.mutune.hpo.tuner.SearchHistory;
import io.mutune.hpo.tuner.Searcher;
import io.mutune.hpo.tuner.Searchers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Suggestion latency: the wall time of one suggest() with N observations (random points of the
 * function) and 3 running trials, median over repetitions after a warm-up.
 *
 * <p>Usage: {@code LatencyBenchmark FUNCTION METHOD[,METHOD] N[,N] REPS}
 */
public final class LatencyBenchmark {
    private LatencyBenchmark() { }

    public static void main(String[] args) {
        BenchFunction f = Functions.byName(args[0]);
        int reps = Integer.parseInt(args[3]);
        System.out.println("method,function,observations,median_ms,max_ms");
        for (String method : args[1].split(",")) {
            Searcher s = Searchers.byName(method, f.space(), Map.of());
            for (String n : args[2].split(",")) {
                int obs = Integer.parseInt(n);
                SearchHistory h = history(f, obs, 1);
                s.suggest(history(f, obs, 2), new SplittableRandom(0)); // warm-up (JIT)
                double[] ms = new double[reps];
                for (int r = 0; r < reps; r++) {
                    long t0 = System.nanoTime();
                    s.suggest(h, new SplittableRandom(r));
                    ms[r] = (System.nanoTime() - t0) / 1e6;
                }
                Arrays.sort(ms);
                System.out.printf("%s,%s,%d,%.1f,%.1f%n", method, f.name(), obs, ms[reps / 2], ms[reps - 1]);
            }
        }
    }

    static SearchHistory history(BenchFunction f, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Observation> obs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Configuration c = f.space().sample(r);
            obs.add(new Observation("t" + i, i, c, 1, f.value(c), false));
        }
        List<Configuration> pending = List.of(f.space().sample(r), f.space().sample(r), f.space().sample(r));
        return new SearchHistory(f.space(), seed, n + 3, obs, pending);
    }
}
