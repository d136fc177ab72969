package io.mutune.transfer.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How big the benchmark is.
 * <ul>
 *   <li>{@code full}: MLP proxies at widths 64..512 (200 AdamW steps, or {@code bench.steps}, cosine schedule, batch 64,
 *       teacher regression 16 -> 4, two hidden layers, base width 64), target width 2048.</li>
 *   <li>{@code quick}: a smoke run of the same pipeline.</li>
 *   <li>{@code transformer}: muP transformer proxies at widths 64..256 (pre-norm decoder, depth 2,
 *       4 heads, base width 32, context 32, vocabulary 64, synthetic HMM language with 16
 *       states, the same model as {@code bench/transfer.sh transformer}), target width 1024. Its
 *       steps, batch, PyTorch threads and direct-sweep size come from the system properties
 *       {@code bench.steps} (150), {@code bench.batch} (16), {@code bench.threads} (1) and
 *       {@code bench.direct} (7), so it can be sized to the CPU at hand.</li>
 * </ul>
 */
record BenchScale(String name, String model, List<String> parametrizations, List<Double> proxyWidths, double targetWidth,
                  long steps, int batch, long seed, int threads, int directPoints) {

    private static final int INPUT_DIM = 16;
    private static final int OUTPUT_DIM = 4;
    private static final int DEPTH = 2;
    private static final int TF_BASE_WIDTH = 32;
    private static final int TF_HEADS = 4;
    private static final int TF_CONTEXT = 32;
    private static final int TF_VOCAB = 64;

    static BenchScale fromArgs(String[] args) {
        String name = args.length > 0 ? args[0] : "full";
        BenchScale scale = switch (name) {
            case "full" -> new BenchScale(name, "mlp", List.of("mup", "sp"), List.of(64.0, 128.0, 256.0, 512.0), 2048,
                    Long.getLong("bench.steps", 200), 64,
                    Long.getLong("bench.seed", 17), 1, 7);
            case "quick" -> new BenchScale(name, "mlp", List.of("mup", "sp"), List.of(32.0, 64.0, 128.0), 512, 60, 64, 17, 1, 7);
            case "transformer" -> new BenchScale(name, "transformer", List.of("mup"), List.of(64.0, 128.0, 256.0), 1024,
                    Long.getLong("bench.steps", 150), Integer.getInteger("bench.batch", 16), 17,
                    Integer.getInteger("bench.threads", 1), Integer.getInteger("bench.direct", 7));
            default -> throw new IllegalArgumentException("benchmark scale must be 'full', 'quick' or 'transformer', got '" + name + "'");
        };
        if (args.length > 2) { // e.g. "sp" to rerun one parametrization
            scale = new BenchScale(name, scale.model, List.of(args[2].split(",")), scale.proxyWidths, scale.targetWidth,
                    scale.steps, scale.batch, scale.seed, scale.threads, scale.directPoints);
        }
        return scale;
    }

    Map<String, Object> spec() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("model", model);
        s.put("optimizer", "adamw");
        if (model.equals("transformer")) {
            s.put("base", Map.of("width", TF_BASE_WIDTH, "depth", DEPTH, "heads", TF_HEADS));
            s.put("data", Map.of("kind", "synthetic-lm", "seed", 7, "states", 16));
            s.put("context", TF_CONTEXT);
            s.put("vocab", TF_VOCAB);
            s.put("validation_size", 128);
        } else {
            s.put("base", Map.of("width", 64, "depth", DEPTH));
            s.put("data", Map.of("kind", "teacher", "seed", 7));
        }
        s.put("batch_size", batch);
        s.put("eval_every", (int) steps);
        s.put("schedule", Map.of("kind", "cosine", "warmup_steps", (int) (steps / 10), "total_steps", (int) steps));
        s.put("threads", threads);
        if (zeroReadout()) {
            s.put("readout_zero_init", true);
        }
        return s;
    }

    /** {@code -Dbench.zeroReadout=true} starts the readout at zero (TP-V's recommendation for muP). */
    static boolean zeroReadout() {
        return Boolean.getBoolean("bench.zeroReadout");
    }

    /** Suffix of the results file: "-zero" with a zero-initialised readout, then "-staged" or "-joint". */
    String variant() {
        return (zeroReadout() ? "-zero" : "") + (staged() ? "-staged" : "-joint");
    }

    String metric() {
        return "val_loss";
    }

    /**
     * The LR grid (factor 2, 7 values) shared by a parametrization's proxies and its direct sweep at
     * the target. Under SP the optimum drifts down with width (about 1/width for Adam), so the
     * grid reaches lower there; a direct sweep of the same size as one proxy's LR sweep, placed
     * where the target's optimum lies, is the comparison the compute share is measured against.
     * A transformer direct sweep with fewer than 7 points keeps the middle of the grid.
     */
    SweepGrid grid(String parametrization) {
        double top = parametrization.equals("sp") ? 6.4e-2 : 2.56e-1;
        List<Double> lr = new ArrayList<>();
        for (int i = 6; i >= 0; i--) {
            lr.add(top / Math.pow(2, i));
        }
        List<Double> direct = lr;
        if (parametrization.equals("sp")) {
            direct = new ArrayList<>();
            double directTop = model.equals("transformer") ? 8e-3 : 1.6e-2;
            for (int i = 6; i >= 0; i--) {
                direct.add(directTop / Math.pow(2, i));
            }
        }
        if (directPoints < direct.size()) {
            int drop = direct.size() - directPoints;
            direct = direct.subList(drop / 2, direct.size() - (drop - drop / 2));
        }
        Map<String, List<Double>> multipliers = new LinkedHashMap<>();
        // Under SP only the LR drift is measured: multipliers stay at 1. (Fitting them too put
        // init_std's SP optima, 0.25 -> 1 over widths 128..512, on a power law that asked for
        // 2.8 at width 2048, where training blew up: loss 4.8 against 0.08.)
        if (!parametrization.equals("sp")) {
            // Wide enough that the first full run's optima (init 0.25..1, output 2..4) are interior.
            multipliers.put("init_std", List.of(0.125, 0.25, 0.5, 1.0, 2.0));
            multipliers.put("output_mult", List.of(0.5, 1.0, 2.0, 4.0, 8.0));
        }
        return new SweepGrid(proxyWidths, targetWidth, lr, direct, multipliers, staged() ? multiplierWidths() : null,
                Integer.getInteger("bench.lrRepeats", 1), Integer.getInteger("bench.targetSeeds", 1));
    }

    /**
     * {@code -Dbench.protocol=staged} (the default): search the multipliers at cheap widths, then
     * sweep the LR at every proxy width with the multipliers held at their recommendation, and fit
     * the LR rule to those sweeps alone ({@code -Dbench.lrRepeats=N} seeds per point). {@code joint}
     * searches everything at every proxy width; it was the first protocol and missed under muP
     * (docs/benchmarks.md).
     */
    static boolean staged() {
        String protocol = System.getProperty("bench.protocol", "staged");
        if (!protocol.equals("joint") && !protocol.equals("staged")) {
            throw new IllegalArgumentException("bench.protocol must be 'joint' or 'staged', got '" + protocol + "'");
        }
        return protocol.equals("staged");
    }

    /** The three widths below the largest proxy, halving below the smallest where there are too few. */
    private List<Double> multiplierWidths() {
        List<Double> below = new ArrayList<>(proxyWidths.subList(0, proxyWidths.size() - 1));
        while (below.size() < 3) {
            below.add(0, below.get(0) / 2);
        }
        return List.copyOf(below.subList(below.size() - 3, below.size()));
    }

    /**
     * 6 x parameters x examples per step, the usual training-FLOP estimate; for the transformer,
     * parameters include the one-hot embedding matmuls and each token adds the attention term
     * 6 x depth x context x width (Kaplan et al. 2020).
     */
    double flopsPerStep(double width) {
        if (model.equals("transformer")) {
            double params = TF_VOCAB * width + TF_CONTEXT * width + DEPTH * (12 * width * width + 2 * width) + width + width * TF_VOCAB;
            double tokens = (double) batch * TF_CONTEXT;
            return (6 * params + 6.0 * DEPTH * TF_CONTEXT * width) * tokens;
        }
        double params = INPUT_DIM * width + width + DEPTH * (width * width + width) + width * OUTPUT_DIM + OUTPUT_DIM;
        return 6 * params * batch;
    }

    String describe() {
        if (model.equals("transformer")) {
            return name + ": transformer depth " + DEPTH + ", " + TF_HEADS + " heads, base width " + TF_BASE_WIDTH + ", proxies at widths "
                    + proxyWidths + ", target " + (int) targetWidth + ", " + steps + " AdamW steps (cosine, warmup " + steps / 10
                    + "), batch " + batch + " x " + TF_CONTEXT + " tokens, vocab " + TF_VOCAB + ", HMM 16 states, seed " + seed
                    + ", " + threads + " thread(s)" + (zeroReadout() ? ", readout zero-init" : "");
        }
        return name + ": " + model + " depth " + DEPTH + ", proxies at widths " + proxyWidths + ", target " + (int) targetWidth
                + ", " + steps + " AdamW steps (cosine, warmup " + steps / 10 + "), batch " + batch + ", teacher 16->4, seed " + seed
                + (zeroReadout() ? ", readout zero-init" : "");
    }
}
