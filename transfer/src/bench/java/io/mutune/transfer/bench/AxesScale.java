package io.mutune.transfer.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The size of the every-axis benchmark ({@code bench/rules.sh axes}). Proxies on a grid of widths x
 * token budgets {1, 2, 4}x x batches at the base depth; a target 4x the widest proxy, 8x its tokens,
 * 4x its batch and deeper; an lr x wd grid at every proxy point and around the recommendation at the
 * target. Under WSD only the longest budget is trained, the shorter ones are its branched decays.
 *
 * <ul>
 *   <li>{@code small}: a smoke run of the pipeline (minutes): 2 widths, 2 batches, one seed.</li>
 *   <li>{@code full}: widths 32..128 x tokens {1,2,4}x x batch {8,16,32,64}, target width 512, depth 4, 8x the
 *       tokens, batch 256. Not the widths 64..256: its target (width 1024 x 8x tokens x batch 256) costs
 *       about 8x more per direct run, which the shared 2-core machine cannot give in an hour (docs/benchmarks.md).
 *       The batch axis reaches down to 8 and weight decay down to 1/1024 because a first run over batch
 *       {16,32,64} and wd {1/64..1} had every batch optimum and nearly every wd optimum on the grid's lower
 *       edge: a searched range has to bracket the optimum for a rule to see it. The MLP's shortest budget is
 *       1600 examples (not 3200) to pay for batch 8.</li>
 * </ul>
 *
 * @param model        mlp or transformer
 * @param widths       proxy widths
 * @param tokens0      the shortest proxy token budget (tokens = examples for the MLP)
 * @param batches      proxy batch sizes (examples or sequences)
 * @param lrGrid       factors on the base lr searched at every proxy point (sqrt-2 steps, so tau bins exactly)
 * @param wdGrid       weight decays searched at every proxy point (factor-8 steps, whole quarter octaves, so tau bins exactly)
 * @param seeds        seeds per proxy configuration
 * @param targetWidth  the target's width
 * @param targetDepth  the target's depth (proxies at the base depth)
 * @param directLr     factors on the recommended lr of the direct sweep at the target (extended past an edge, see AxesBenchmark)
 * @param directWd     factors on the recommended wd of the direct sweep
 * @param directSeeds  seeds of the direct sweep
 * @param heldOutSeeds seeds the loss gaps are measured on (none of them used to choose anything)
 */
record AxesScale(String name, String model, List<Double> widths, double tokens0, List<Double> batches, List<Double> lrGrid,
                 List<Double> wdGrid, int seeds, double targetWidth, int targetDepth, List<Double> directLr, List<Double> directWd,
                 int directSeeds, int heldOutSeeds) {

    static final double BASE_LR = 1e-2;
    static final long RESOURCE = 1000;
    static final int DEPTH = 2;
    private static final int TF_CONTEXT = 16;
    private static final int TF_VOCAB = 32;

    static AxesScale of(String name, String model) {
        List<Double> sqrt2 = List.of(0.25, 0.3536, 0.5, 0.7071, 1.0, 1.414, 2.0, 2.828, 4.0);
        boolean mlp = model.equals("mlp");
        return switch (name) {
            case "small" -> new AxesScale(name, model, List.of(32.0, 64.0), mlp ? 1600 : 3200, List.of(16.0, 64.0),
                    List.of(0.25, 0.5, 1.0, 2.0, 4.0), List.of(0.0625, 0.25, 1.0), 1, 256, 4,
                    List.of(0.5, 1.0, 2.0), List.of(0.5, 2.0), 1, 1);
            case "full" -> new AxesScale(name, model, List.of(32.0, 64.0, 128.0), mlp ? 1600 : 12800, List.of(8.0, 16.0, 32.0, 64.0),
                    sqrt2, List.of(1.0 / 1024, 1.0 / 128, 1.0 / 16), 2, 512, 4,
                    List.of(0.5, 0.7071, 1.0, 1.414, 2.0), List.of(0.25, 1.0, 4.0), 2, 3);
            default -> throw new IllegalArgumentException("axes benchmark size must be small or full, got '" + name + "'");
        };
    }

    List<Double> tokens() {
        return List.of(tokens0, 2 * tokens0, 4 * tokens0);
    }

    /** The proxy spec: CompleteP (depth transfer), AdamW, WSD with warmup in tokens (so horizons share their prefix). */
    Map<String, Object> spec() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("model", model);
        s.put("parametrization", "completep");
        s.put("optimizer", "adamw");
        if (model.equals("transformer")) {
            s.put("base", Map.of("width", 32, "depth", DEPTH, "heads", 2));
            s.put("data", Map.of("kind", "synthetic-lm", "seed", 7, "states", 16));
            s.put("context", TF_CONTEXT);
            s.put("vocab", TF_VOCAB);
            s.put("validation_size", 128);
        } else {
            s.put("base", Map.of("width", 32, "depth", DEPTH));
            s.put("data", Map.of("kind", "teacher", "seed", 7));
            s.put("validation_size", 1024);
        }
        s.put("batch_size", batches.get(0).intValue());
        s.put("eval_every", 1_000_000);
        s.put("schedule", Map.of("kind", "wsd", "warmup_tokens", tokens0 / 20, "decay_fraction", 0.2));
        s.put("threads", 1);
        return s;
    }

    Map<String, List<Double>> scales() {
        Map<String, List<Double>> s = new LinkedHashMap<>();
        s.put("width", widths);
        s.put("tokens", tokens());
        s.put("batch", batches);
        return s;
    }

    /** Every (width, tokens, batch) proxy point. */
    List<Map<String, Double>> points() {
        List<Map<String, Double>> out = new ArrayList<>();
        for (double w : widths) {
            for (double t : tokens()) {
                for (double b : batches) {
                    Map<String, Double> p = new LinkedHashMap<>();
                    p.put("width", w);
                    p.put("tokens", t);
                    p.put("batch", b);
                    out.add(p);
                }
            }
        }
        return out;
    }

    /** 4x the widest proxy (or the size's width), 8x its tokens, 4x its batch, deeper. */
    Map<String, Double> target() {
        Map<String, Double> t = new LinkedHashMap<>();
        t.put("width", targetWidth);
        t.put("depth", (double) targetDepth);
        t.put("tokens", 8 * tokens().get(2));
        t.put("batch", 4 * batches.get(batches.size() - 1));
        return t;
    }

    List<Double> proxyLrs() {
        List<Double> out = new ArrayList<>();
        lrGrid.forEach(f -> out.add(BASE_LR * f));
        return out;
    }

    /** Tokens per example: the transformer's context, 1 for the MLP. */
    int tokensPerExample() {
        return model.equals("transformer") ? TF_CONTEXT : 1;
    }

    /** 6 x all parameters x tokens per step, plus the attention term (Kaplan et al. 2020). */
    double flopsPerStep(Map<String, Double> scale) {
        double w = scale.get("width");
        double depth = scale.getOrDefault("depth", (double) DEPTH);
        double batch = scale.get("batch");
        if (model.equals("transformer")) {
            double params = 2 * TF_VOCAB * w + TF_CONTEXT * w + depth * (12 * w * w + 2 * w) + w;
            double tokens = batch * TF_CONTEXT;
            return (6 * params + 6 * depth * TF_CONTEXT * w) * tokens;
        }
        double params = 16 * w + w + depth * (w * w + w) + 4 * w + 4;
        return 6 * params * batch;
    }

    /** Training steps of one run at {@code scale}: its tokens over the tokens of a batch. */
    long steps(Map<String, Double> scale) {
        return Math.round(scale.get("tokens") / (scale.get("batch") * tokensPerExample()));
    }

    String describe() {
        return name + ": " + model + " (CompleteP, AdamW, WSD warmup " + (tokens0 / 20) + " tokens, decay 0.2), proxies widths "
                + widths + " x tokens " + tokens() + " x batch " + batches + " at depth " + DEPTH + ", lr " + proxyLrs() + " x wd "
                + wdGrid + " x " + seeds + " seed(s); target " + target() + "; direct lr x " + directLr + ", wd x " + directWd
                + " x " + directSeeds + " seed(s); " + heldOutSeeds + " held-out seed(s)";
    }
}
