package io.mutune.transfer.bench;

import io.mutune.hpo.math.ScrambledSobol;
import io.mutune.hpo.runner.SegmentResult;
import io.mutune.hpo.runner.TrialContext;
import io.mutune.hpo.runner.TrialRunner;
import io.mutune.hpo.runner.TrialSegment;
import io.mutune.hpo.space.SearchSpace;
import io.mutune.transfer.proxy.ProxyRunners;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Final losses of the curve table's rows trained with more seeds, for real and on demand, cached
 * in a CSV beside the table ({@code row,seed_index,val_loss}, appended as runs finish, so a
 * benchmark that is stopped keeps what it trained). Seed index {@code s} of row {@code r} is
 * {@code 1000 (s + 1) + r}, as in {@link CurveTable} and {@link SeedNoise}: indices 0-2 are the
 * committed tables (read from them, never retrained), the others are fresh seeds that the table
 * replay never showed any method.
 */
public final class FinalSeeds {
    private final Path cache;
    private final SearchSpace space;
    private final ScrambledSobol sobol;
    private final double[][] tableFinals;
    private final Map<Long, Double> cached = new HashMap<>();
    private final TrialRunner runner;
    private int trained;

    /**
     * @param tables the committed tables in seed order (index 0, 1, 2)
     * @param cache  the CSV of extra seeds; created when missing
     */
    public FinalSeeds(List<Path> tables, Path cache) throws IOException {
        this.cache = cache;
        this.space = CurveTable.space(tables.get(0));
        this.sobol = new ScrambledSobol(space.dimension(), CurveTable.SOBOL_SEED);
        this.tableFinals = new double[tables.size()][];
        for (int t = 0; t < tables.size(); t++) {
            List<String> lines = Files.readAllLines(tables.get(t));
            tableFinals[t] = new double[lines.size() - 1];
            for (int i = 1; i < lines.size(); i++) {
                String[] f = lines.get(i).split(",");
                tableFinals[t][i - 1] = Double.parseDouble(f[f.length - 1]);
            }
        }
        if (Files.exists(cache)) {
            for (String line : Files.readAllLines(cache)) {
                if (line.isBlank() || line.startsWith("row")) {
                    continue;
                }
                String[] f = line.split(",");
                cached.put(key(Integer.parseInt(f[0]), Integer.parseInt(f[1])), Double.parseDouble(f[2]));
            }
        } else {
            Files.writeString(cache, "row,seed_index,val_loss\n");
        }
        this.runner = ProxyRunners.fromSpec(CurveTable.proxySpec());
    }

    private static long key(int row, int seedIndex) {
        return ((long) row << 20) | seedIndex;
    }

    /** The final {@code val_loss} of {@code row} with seed index {@code seedIndex}; trains it if it is not known. */
    public synchronized double finalLoss(int row, int seedIndex) throws Exception {
        if (seedIndex < tableFinals.length) {
            return tableFinals[seedIndex][row];
        }
        Double v = cached.get(key(row, seedIndex));
        if (v != null) {
            return v;
        }
        double loss = train(row, seedIndex);
        record(row, seedIndex, loss);
        return loss;
    }

    /** Trains every missing (row, seed index) pair on {@code threads} threads (1 or 2: the machine is shared). */
    public void ensure(List<int[]> rowSeeds, int threads) throws Exception {
        List<int[]> missing = new ArrayList<>();
        synchronized (this) {
            for (int[] rs : rowSeeds) {
                if (rs[1] >= tableFinals.length && !cached.containsKey(key(rs[0], rs[1]))
                        && missing.stream().noneMatch(m -> m[0] == rs[0] && m[1] == rs[1])) {
                    missing.add(rs);
                }
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(CurveTable.benchThreads(String.valueOf(threads)));
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (int[] rs : missing) {
                jobs.add(pool.submit(() -> {
                    double loss = train(rs[0], rs[1]);
                    record(rs[0], rs[1], loss);
                    return null;
                }));
            }
            for (Future<?> f : jobs) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf(Locale.ROOT, "trained %d extra-seed runs in %.0f s%n", missing.size(), (System.nanoTime() - t0) / 1e9);
    }

    /** How many runs this instance trained (the rest came from the tables or the cache). */
    public synchronized int trained() {
        return trained;
    }

    private double train(int row, int seedIndex) throws Exception {
        long max = CurveTable.LEVELS[CurveTable.LEVELS.length - 1];
        SegmentResult r = runner.run(new TrialSegment("r" + row, space.decode(sobol.point(row)),
                Map.of("width", (double) CurveTable.WIDTH), 0, max, null, null, 1000L * (seedIndex + 1) + row), TrialContext.cpu());
        return r.outcome() == SegmentResult.Outcome.COMPLETED ? r.metrics().get("val_loss") : Double.NaN;
    }

    private synchronized void record(int row, int seedIndex, double loss) throws IOException {
        cached.put(key(row, seedIndex), loss);
        trained++;
        Files.writeString(cache, row + "," + seedIndex + "," + loss + "\n", StandardOpenOption.APPEND);
    }
}
