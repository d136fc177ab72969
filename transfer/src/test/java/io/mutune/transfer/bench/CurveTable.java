package io.mutune.transfer.bench;

import io.mutune.hpo.math.ScrambledSobol;
import io.mutune.hpo.runner.SegmentResult;
import io.mutune.hpo.runner.TrialContext;
import io.mutune.hpo.runner.TrialRunner;
import io.mutune.hpo.runner.TrialSegment;
import io.mutune.hpo.space.Configuration;
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
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes the real learning-curve table of the multi-fidelity benchmark (bench/hpo.sh): {@code N}
 * scrambled-Sobol configurations of {@link #space(Path)}, each trained with the muP MLP proxy at one
 * width on the teacher task up to the maximum resource, with {@code val_loss} recorded at every
 * rung. Each rung is its own segment resumed from the previous rung's checkpoint, which is how a
 * scheduler's promotion runs it, so a table row is exactly what a scheduler would have seen.
 * A diverged run is NaN from the rung where it diverged on.
 *
 * <p>Deterministic: the points, the trial seeds and the training are fixed, and the file is
 * written sorted by row. Rows land in {@code OUT.partial} as they finish, so an interrupted run
 * picks up where it stopped.
 *
 * <p>Usage: {@code CurveTable OUT.csv N THREADS [SEED_BASE]}. Row {@code r} trains with seed
 * {@code SEED_BASE + r} (default 1000), so a second table with another base repeats every
 * configuration with fresh initialisation and batch order.
 */
public final class CurveTable {
    /** Rungs of min 10, max 810, eta 3. */
    static final long[] LEVELS = {10, 30, 90, 270, 810};
    static final int WIDTH = 128;
    static final long SOBOL_SEED = 2026;

    private CurveTable() {
    }

    /**
     * The tuned hyperparameters, read from {@code TABLE.space.json} beside the table: the one declaration
     * this writer, bench/java's TabularCurves and bench/optuna_mf_driver.py all read.
     */
    static SearchSpace space(Path table) throws IOException {
        return SearchSpace.fromJson(Files.readString(spaceFile(table)));
    }

    static Path spaceFile(Path table) {
        String name = table.getFileName().toString();
        return table.resolveSibling(name.substring(0, name.length() - ".csv".length()) + ".space.json");
    }

    /** The proxy: muP MLP (base width 64, depth 2) with AdamW on the teacher regression task, one PyTorch thread. */
    static Map<String, Object> proxySpec() {
        Map<String, Object> s = new HashMap<>();
        s.put("model", "mlp");
        s.put("parametrization", "mup");
        s.put("optimizer", "adamw");
        s.put("base", Map.of("width", 64, "depth", 2));
        s.put("data", Map.of("kind", "teacher", "seed", 7));
        s.put("batch_size", 64);
        // evaluate only where a segment ends, i.e. at the rungs
        s.put("eval_every", 1_000_000);
        s.put("threads", 1);
        return s;
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        int threads = benchThreads(args[2]);
        long seedBase = args.length > 3 ? Long.parseLong(args[3]) : 1000L;
        Path partial = Path.of(out + ".partial");
        Map<Integer, String> done = new TreeMap<>();
        if (Files.exists(partial)) {
            for (String line : Files.readAllLines(partial)) {
                done.put(Integer.parseInt(line.substring(0, line.indexOf(','))), line);
            }
        }
        // the space is declared beside the first table; repeats with other seeds share it
        SearchSpace space = space(Files.exists(spaceFile(out)) ? out : out.resolveSibling("mlp-curves.csv"));
        ScrambledSobol sobol = new ScrambledSobol(space.dimension(), SOBOL_SEED);
        TrialRunner runner = ProxyRunners.fromSpec(proxySpec());
        Path scratch = Files.createTempDirectory("curve-table");
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long t0 = System.nanoTime();
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (int row = 0; row < n; row++) {
                if (done.containsKey(row)) {
                    continue;
                }
                int r = row;
                Configuration c = space.decode(sobol.point(row));
                jobs.add(pool.submit(() -> {
                    String line = row(runner, r, seedBase + r, c, scratch);
                    synchronized (done) {
                        done.put(r, line);
                        Files.writeString(partial, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                        if (done.size() % 16 == 0) {
                            System.out.printf("%d/%d rows, %.0f s%n", done.size(), n, (System.nanoTime() - t0) / 1e9);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : jobs) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> lines = new ArrayList<>();
        lines.add(header());
        for (int row = 0; row < n; row++) {
            lines.add(done.get(row));
        }
        Files.write(out, lines);
        Files.delete(partial);
        System.out.printf("wrote %s: %d rows in %.0f s%n", out, n, (System.nanoTime() - t0) / 1e9);
    }

    /** The THREADS argument of the table's benchmarks: 1 or 2, because the benchmark machine is shared. */
    static int benchThreads(String arg) {
        int threads = Integer.parseInt(arg);
        if (threads < 1 || threads > 2) {
            throw new IllegalArgumentException("THREADS must be 1 or 2 (the benchmark machine is shared), got " + threads);
        }
        return threads;
    }

    static String header() {
        StringBuilder b = new StringBuilder("row,seed,lr,init_std,output_mult,weight_decay");
        for (long l : LEVELS) {
            b.append(",loss_").append(l);
        }
        return b.toString();
    }

    /** Trains one configuration rung by rung and returns its CSV line. */
    static String row(TrialRunner runner, int row, long seed, Configuration c, Path scratch) throws Exception {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%d,%d,%s,%s,%s,%s", row, seed,
                c.getDouble("lr"), c.getDouble("init_std"), c.getDouble("output_mult"), c.getDouble("weight_decay")));
        String resume = null;
        long from = 0;
        boolean diverged = false;
        for (long level : LEVELS) {
            double loss = Double.NaN;
            if (!diverged) {
                String save = "file:" + scratch.resolve("r" + row + "@" + level + ".ckpt");
                SegmentResult r = runner.run(new TrialSegment("r" + row, c, Map.of("width", (double) WIDTH), from, level,
                        resume, save, seed), TrialContext.cpu());
                diverged = r.outcome() != SegmentResult.Outcome.COMPLETED;
                if (!diverged) {
                    loss = r.metrics().get("val_loss");
                }
                deleteCheckpoint(resume);
                resume = diverged ? null : r.checkpoint();
                from = level;
            }
            b.append(',').append(Double.isNaN(loss) ? "nan" : Double.toString(loss));
        }
        deleteCheckpoint(resume);
        return b.toString();
    }

    private static void deleteCheckpoint(String uri) throws IOException {
        if (uri != null) {
            Path p = Path.of(uri.substring("file:".length()));
            Files.deleteIfExists(p);
            // Hadoop's local file system writes a checksum file beside it
            Files.deleteIfExists(p.resolveSibling("." + p.getFileName() + ".crc"));
        }
    }
}
