package io.mutune.jobs.fit;

import io.mutune.connectors.journal.JournalRow;
import io.mutune.connectors.journal.TrialStatus;
import io.mutune.hpo.space.Configuration;
import io.mutune.jobs.spec.SweepSpec;
import io.mutune.transfer.proxy.BranchMetrics;
import io.mutune.transfer.proxy.ProxyRunners;
import io.mutune.transfer.rules.ScaleFacts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The journal of a sweep over width x tokens x batch whose optima are known: lr* = 3e-3, the AdamW
 * timescale tau* = 2 (D/N)^-1, a warmup of 2 % of the horizon, init_std 0.7, output_mult 2, and
 * B*(D) = 32 (D / 64000)^0.5. Each point's trials are a star around the optimum (each
 * hyperparameter on a sqrt(2) grid, the others at theirs), every configuration run with two seeds
 * and 0.2 % multiplicative seed noise; the best loss falls with width. As a real WSD sweep writes
 * it: rows at the longest horizon only, each carrying the shorter horizons' losses as the metrics
 * {@code val_loss@tokens=32000} and {@code val_loss@tokens=64000} of the decays branched off it (same
 * configuration, warmup included). The warmup star's rows carry no branches: the star is centred on
 * the long horizon's warmup (2 % of it, 4-8 % of a branch's), so at a branch its row with less warmup
 * would be the only one without a warmup miss and would win every other hyperparameter's profile at
 * the centre's value: an artefact of a star design (not a product grid), not what a random search shows.
 */
final class FourAxisSweep {
    static final String SPEC = """
            sweep: four-axes
            seed: 3
            proxy:
              model: mlp
              parametrization: mup
              optimizer: adamw
              base: {width: 64, depth: 2}
              data: {kind: teacher, seed: 1}
              schedule: {kind: wsd, decay_fraction: 0.2}
            scales:
              width: [64, 128, 256]
              tokens: [32000, 64000, 128000]
              batch: [16, 32, 64]
            search:
              algorithm: random
              space:
                lr: {float: [1.0e-4, 1.0e-1], log: true}
                weight_decay: {float: [1.0e-3, 10.0], log: true}
                warmup_tokens: {float: [100, 20000], log: true}
                init_std: {float: [0.1, 4.0], log: true}
                output_mult: {float: [0.25, 16.0], log: true}
              resource: {name: horizon, max: 100}
              trials_per_scale: 62
              replicates: 2
            rules:
              lr: [width, tokens, batch]
              weight_decay: timescale
              batch: tokens
              warmup: fraction
            targets:
              - {width: 1024, depth: 8, tokens: 1024000, batch: 256}
            output:
              trials: delta:LAKE/trials
              recommendations: delta:LAKE/recommendations
            """;
    static final List<String> SEARCHED = List.of("lr", "weight_decay", "warmup_tokens", "init_std", "output_mult");

    private FourAxisSweep() {
    }

    static double tauStar(ScaleFacts facts, Map<String, Double> s) {
        // Exponent -1: the optimal wd = B/(lr tau* D) = B N/(2 lr) does not move with the horizon, so the star centred on
        // the long horizon's optimum is centred on the branch's too (off-centre, its profiles at the branch are skewed).
        return 2 * Math.pow(facts.tokensPerParam(s), -1.0);
    }

    static double batchStar(double tokens) {
        return 32 * Math.sqrt(tokens / 64000);
    }

    static List<JournalRow> rows(SweepSpec spec, long seed) {
        ScaleFacts facts = ProxyRunners.scaleFacts(spec.proxy());
        SplittableRandom random = new SplittableRandom(seed);
        List<JournalRow> out = new ArrayList<>();
        for (Map<String, Double> s : spec.scalePoints()) {
            double d = s.get("tokens");
            double b = s.get("batch");
            Map<String, Double> best = new LinkedHashMap<>();
            best.put("lr", 3e-3);
            best.put("weight_decay", facts.batchTokens().applyAsDouble(s) / (3e-3 * tauStar(facts, s) * d));
            best.put("warmup_tokens", 0.02 * d);
            best.put("init_std", 0.7);
            best.put("output_mult", 2.0);
            List<Map<String, Double>> configs = new ArrayList<>();
            configs.add(best);
            for (String hp : SEARCHED) {
                for (int k = -3; k <= 3; k++) {
                    if (k != 0) {
                        Map<String, Double> c = new LinkedHashMap<>(best);
                        c.put(hp, best.get(hp) * Math.pow(2, k / 2.0));
                        configs.add(c);
                    }
                }
            }
            for (Map<String, Double> c : configs) {
                boolean warmupStar = !c.get("warmup_tokens").equals(best.get("warmup_tokens"));
                for (int r = 0; r < 2; r++) {
                    Map<String, Double> metrics = new LinkedHashMap<>();
                    metrics.put("val_loss", loss(facts, s, d, c, random));
                    for (double shorter : spec.scales().get("tokens")) {
                        if (shorter < d && !warmupStar) {
                            Map<String, Double> at = new LinkedHashMap<>(s);
                            at.put("tokens", shorter);
                            metrics.put(BranchMetrics.name("val_loss", shorter), loss(facts, at, shorter, c, random));
                        }
                    }
                    String id = SweepSpec.scaleKey(s) + "-" + out.size();
                    out.add(new JournalRow("four-axes-1", out.size(), SweepSpec.scaleKey(s), s.get("width"), null, d, b, id, out.size(), null,
                            new Configuration(new TreeMap<>(c)).toJson(), 0, 100, 100, metrics, "[]",
                            TrialStatus.COMPLETED, 0, "0", null, null, r, null, Instant.EPOCH, Instant.EPOCH));
                }
            }
        }
        return out;
    }

    /** One seed's loss at scale point {@code s} with {@code d} tokens: the floor falls with width, each hyperparameter's miss adds. */
    private static double loss(ScaleFacts facts, Map<String, Double> s, double d, Map<String, Double> c, SplittableRandom random) {
        double tau = facts.batchTokens().applyAsDouble(s) / (c.get("lr") * c.get("weight_decay") * d);
        double penalty = sq(c.get("lr") / 3e-3) + sq(tau / tauStar(facts, s)) + sq(c.get("warmup_tokens") / (0.02 * d))
                + sq(c.get("init_std") / 0.7) + sq(c.get("output_mult") / 2.0) + sq(s.get("batch") / batchStar(d));
        return 2.0 * Math.pow(s.get("width"), -0.05) * (1 + 0.05 * penalty) * (1 + 0.002 * random.nextGaussian());
    }

    private static double sq(double ratio) {
        double l = Math.log(ratio);
        return l * l;
    }
}
