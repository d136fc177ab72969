package io.mutune.bench;

import io.mutune.hpo.space.Configuration;
import io.mutune.hpo.tuner.BatchSearcher;
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
 * function) and P running trials (3 unless given), median over repetitions after a warm-up. With
 * BATCH above 1, a batch searcher (the GP) proposes BATCH configurations from one fit, and the
 * figure is the batch's time divided by BATCH: the cost per trial a driver pays when it asks for
 * its free slots at once.
 *
 * <p>Usage: {@code LatencyBenchmark FUNCTION METHOD[,METHOD] N[,N] REPS [PENDING [BATCH]]}
 */
public final class LatencyBenchmark {
    private LatencyBenchmark() { }

    public static void main(String[] args) {
        BenchFunction f = Functions.byName(args[0]);
        int reps = Integer.parseInt(args[3]);
        int pending = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        int batch = args.length > 5 ? Integer.parseInt(args[5]) : 1;
        System.out.println("method,function,observations,pending,batch,median_ms_per_trial,max_ms_per_trial");
        for (String method : args[1].split(",")) {
            Searcher s = Searchers.byName(method, f.space(), Map.of());
            for (String n : args[2].split(",")) {
                int obs = Integer.parseInt(n);
                SearchHistory h = history(f, obs, pending, 1);
                s.suggest(history(f, obs, pending, 2), new SplittableRandom(0)); // warm-up (JIT)
                double[] ms = new double[reps];
                for (int r = 0; r < reps; r++) {
                    long t0 = System.nanoTime();
                    if (batch > 1 && s instanceof BatchSearcher b) {
                        b.suggestBatch(h, batch, new SplittableRandom(r));
                        ms[r] = (System.nanoTime() - t0) / 1e6 / batch;
                    } else {
                        s.suggest(h, new SplittableRandom(r));
                        ms[r] = (System.nanoTime() - t0) / 1e6;
                    }
                }
                Arrays.sort(ms);
                int b = batch > 1 && s instanceof BatchSearcher ? batch : 1;
                System.out.printf("%s,%s,%d,%d,%d,%.1f,%.1f%n", method, f.name(), obs, pending, b, ms[reps / 2], ms[reps - 1]);
            }
        }
    }

    static SearchHistory history(BenchFunction f, int n, int pendingCount, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Observation> obs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Configuration c = f.space().sample(r);
            obs.add(new Observation("t" + i, i, c, 1, f.value(c), false));
        }
        List<Configuration> pending = new ArrayList<>();
        for (int i = 0; i < pendingCount; i++) {
            pending.add(f.space().sample(r));
        }
        return new SearchHistory(f.space(), seed, n + pendingCount, obs, pending);
    }
}
