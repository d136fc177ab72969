package io.mutune.transfer.bench;

import io.mutune.hpo.runner.SegmentResult;
import io.mutune.hpo.runner.TrialContext;
import io.mutune.hpo.runner.TrialRunner;
import io.mutune.hpo.runner.TrialSegment;
import io.mutune.hpo.space.Configuration;
import io.mutune.transfer.chart.Figure;
import io.mutune.transfer.chart.FigurePng;
import io.mutune.transfer.chart.Series;
import io.mutune.transfer.proxy.ProxyRunners;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The muTransfer experiment of issue 5: sweep the learning rate on a √2 grid at several widths,
 * SP against muP, MLP and transformer, same steps and data; write a CSV, one PNG of loss vs
 * learning rate per model × parametrization, and a markdown summary with the optimum per width
 * and throughput. Run with {@code bench/transfer.sh [mlp|transformer|all|summarize] [out-dir]
 * [parametrizations, default mup,sp] [zero-readout|-] [widths]}; {@code zero-readout} starts the readout at
 * zero and suffixes the files with {@code -zero}. With {@code widths} (e.g. {@code 512,1024}) only
 * those widths run; an existing CSV in {@code out-dir} keeps its other widths' trials, and the walk
 * starts from the optimum of its largest smaller width.
 */
public final class TransferBenchmark {
    /**
     * The MLP's training steps ({@code -Dbench.mlpSteps}, 300). Another value suffixes the MLP's
     * files with {@code -<steps>steps}, so the 300-step sweeps are kept.
     */
    static final int MLP_STEPS = Integer.getInteger("bench.mlpSteps", 300);

    /** What the MLP's file names carry for {@link #MLP_STEPS}: nothing at 300 steps. */
    static String mlpStepsSuffix() {
        return MLP_STEPS == 300 ? "" : "-" + MLP_STEPS + "steps";
    }

    public static void main(String[] args) throws Exception {
        String which = args.length > 0 ? args[0] : "all";
        Path out = Path.of(args.length > 1 ? args[1] : "bench/out/transfer");
        Files.createDirectories(out);
        List<LrSweep> sweeps = new ArrayList<>();
        if (which.equals("summarize")) {
            // rebuild the summary and plots from the CSVs a (possibly interrupted) run left
            for (String m : List.of("mlp", "transformer")) {
                for (String p : List.of("mup", "sp", "mup-3seeds", "mup-zero", "mup-zero-3seeds", "mup-zero-8seeds", "sp-zero",
                        "mup-600steps", "sp-600steps")) {
                    Path csv = out.resolve(m + "-" + p + ".csv");
                    if (Files.exists(csv)) {
                        LrSweep s = LrSweep.fromCsv(m, p, Files.readAllLines(csv));
                        plot(s, out.resolve(m + "-" + p + ".png"));
                        sweeps.add(s);
                    }
                }
            }
            String summary = Summary.markdown(sweeps);
            Files.writeString(out.resolve("summary.md"), summary);
            System.out.println(summary);
            return;
        }
        List<String> params = args.length > 2 ? List.of(args[2].split(",")) : List.of("mup", "sp");
        boolean zero = args.length > 3 && args[3].equals("zero-readout");
        List<Integer> widths = args.length > 4 ? java.util.Arrays.stream(args[4].split(",")).map(Integer::valueOf).toList() : null;
        for (String p : params) {
            if (which.equals("all") || which.equals("mlp")) {
                sweeps.add(sweep("mlp", (zero ? p + "-zero" : p) + mlpStepsSuffix(), zeroReadout(mlpSpec(p), zero),
                        widths != null ? widths : List.of(64, 128, 256, 512, 1024), grid(-20, -3), MLP_STEPS, 64, out));
            }
            if (which.equals("all") || which.equals("transformer")) {
                sweeps.add(sweep("transformer", zero ? p + "-zero" : p, zeroReadout(transformerSpec(p), zero),
                        widths != null ? widths : List.of(32, 64, 128, 256), grid(-18, -4), 150, 16 * 32, out));
            }
        }
        String summary = Summary.markdown(sweeps);
        Files.writeString(out.resolve("summary.md"), summary);
        System.out.println(summary);
    }

    /** √2-spaced learning rates 2^(k/2) for k in [from, to]. */
    static List<Double> grid(int from, int to) {
        List<Double> g = new ArrayList<>();
        for (int k = from; k <= to; k++) {
            g.add(Math.pow(2, k / 2.0));
        }
        return g;
    }

    static Map<String, Object> zeroReadout(Map<String, Object> spec, boolean zero) {
        if (zero) {
            spec.put("readout_zero_init", true);
        }
        return spec;
    }

    static Map<String, Object> mlpSpec(String p) {
        Map<String, Object> s = new HashMap<>();
        s.put("model", "mlp");
        s.put("parametrization", p);
        s.put("optimizer", "adamw");
        s.put("base", Map.of("width", 64, "depth", 2));
        s.put("data", Map.of("kind", "teacher", "seed", 7));
        s.put("batch_size", 64);
        s.put("eval_every", MLP_STEPS);
        s.put("schedule", Map.of("kind", "cosine", "warmup_steps", MLP_STEPS / 10, "total_steps", MLP_STEPS));
        return s;
    }

    static Map<String, Object> transformerSpec(String p) {
        Map<String, Object> s = new HashMap<>();
        s.put("model", "transformer");
        s.put("parametrization", p);
        s.put("optimizer", "adamw");
        s.put("base", Map.of("width", 32, "depth", 2, "heads", 4));
        s.put("data", Map.of("kind", "synthetic-lm", "seed", 7, "states", 16));
        s.put("context", 32);
        s.put("vocab", 64);
        s.put("batch_size", 16);
        s.put("eval_every", 150);
        s.put("validation_size", 128);
        s.put("schedule", Map.of("kind", "cosine", "warmup_steps", 15, "total_steps", 150));
        return s;
    }

    /**
     * Sweeps the full grid at the first width; at each next width it starts from the previous
     * optimum and walks the grid until the best rate has two evaluated neighbours on each side
     * (the loss is unimodal in log lr here). This saves most trials at the large widths, which
     * cost the most, without moving the reported optimum.
     */
    static LrSweep sweep(String model, String p, Map<String, Object> spec, List<Integer> widths, List<Double> lrs,
                         int steps, long unitsPerStep, Path out) throws Exception {
        TrialRunner runner = ProxyRunners.fromSpec(spec);
        LrSweep sweep = new LrSweep(model, p);
        int previousBest = -1;
        Path csv = out.resolve(model + "-" + p + ".csv");
        if (Files.exists(csv)) {
            // Extend an earlier run to more widths: keep its other widths' trials and start the
            // walk from the optimum of its largest width below the first new one.
            LrSweep earlier = LrSweep.fromCsv(model, p, Files.readAllLines(csv));
            earlier.cells.stream().filter(c -> !widths.contains(c.width())).forEach(sweep.cells::add);
            List<Integer> below = earlier.widths().stream().filter(w -> w < widths.get(0)).toList();
            if (!below.isEmpty()) {
                double lr = earlier.optimum(below.get(below.size() - 1));
                for (int k = 0; k < lrs.size(); k++) {
                    if (Math.abs(lrs.get(k) / lr - 1) < 1e-4) {
                        previousBest = k;
                    }
                }
            }
        }
        for (int w : widths) {
            Map<Integer, Double> loss = new java.util.TreeMap<>();
            if (previousBest < 0) {
                for (int k = 0; k < lrs.size(); k++) {
                    double l = trial(runner, sweep, model, p, w, lrs.get(k), steps, unitsPerStep);
                    loss.put(k, l);
                    if (!Double.isFinite(l)) {
                        break; // larger rates diverge too
                    }
                }
            } else {
                int best = previousBest;
                while (true) {
                    for (int k = Math.max(0, best - 2); k <= Math.min(lrs.size() - 1, best + 2); k++) {
                        if (!loss.containsKey(k)) {
                            loss.put(k, trial(runner, sweep, model, p, w, lrs.get(k), steps, unitsPerStep));
                        }
                    }
                    int next = argmin(loss);
                    if (next == best) {
                        break;
                    }
                    best = next;
                }
            }
            previousBest = argmin(loss);
            Files.writeString(csv, sweep.csv());
        }
        plot(sweep, out.resolve(model + "-" + p + ".png"));
        return sweep;
    }

    static int argmin(Map<Integer, Double> loss) {
        int best = -1;
        double bestLoss = Double.POSITIVE_INFINITY;
        for (Map.Entry<Integer, Double> e : loss.entrySet()) {
            if (Double.isFinite(e.getValue()) && e.getValue() < bestLoss) {
                bestLoss = e.getValue();
                best = e.getKey();
            }
        }
        if (best < 0) {
            throw new IllegalStateException("every learning rate diverged: " + loss);
        }
        return best;
    }

    static double trial(TrialRunner runner, LrSweep sweep, String model, String p, int w, double lr, int steps,
                        long unitsPerStep) throws Exception {
        TrialSegment seg = new TrialSegment(model + "-" + p + "-" + w + "-" + lr, new Configuration(Map.of("lr", lr)),
                Map.of("width", (double) w), 0, steps, null, null, 1L);
        long t0 = System.nanoTime();
        SegmentResult r = runner.run(seg, TrialContext.cpu());
        double secs = (System.nanoTime() - t0) / 1e9;
        double loss = r.outcome() == SegmentResult.Outcome.COMPLETED ? r.metrics().get("val_loss") : Double.NaN;
        sweep.cells.add(new LrSweep.Cell(w, lr, loss, secs, steps * unitsPerStep));
        System.out.printf(Locale.ROOT, "%s %s width %d lr %.4g: val_loss %.5f (%.1f s)%n", model, p, w, lr, loss, secs);
        return loss;
    }

    static void plot(LrSweep s, Path png) throws Exception {
        List<Series> lines = new ArrayList<>();
        double floor = s.cells.stream().mapToDouble(LrSweep.Cell::valLoss).filter(Double::isFinite).min().orElse(1);
        for (int w : s.widths()) {
            List<LrSweep.Cell> cells = s.cells.stream().filter(c -> c.width() == w)
                    .sorted(java.util.Comparator.comparingDouble(LrSweep.Cell::lr)).toList();
            lines.add(Series.linePoints("width " + w, cells.stream().mapToDouble(LrSweep.Cell::lr).toArray(),
                    cells.stream().mapToDouble(c -> c.valLoss() > 2.5 * floor ? Double.NaN : c.valLoss()).toArray()));
        }
        FigurePng.write(new Figure(s.model + " " + s.parametrization.toUpperCase(Locale.ROOT) + ": val loss vs lr (> 2.5x best not drawn)",
                "learning rate (Adam)", "val loss", true, true, lines), png);
    }
}
