package io.mutune.transfer.optim;

import java.io.Serializable;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Learning-rate schedule as a factor of the peak rate: linear warmup, then constant, cosine
 * decay, or warmup-stable-decay (WSD: constant, then a linear cool-down over the last
 * {@code decayFraction} of {@code totalSteps}; Hu et al. 2024, "MiniCPM").
 *
 * <p>The factor depends only on the step index, so a resumed trial follows the same curve.
 */
public record LrSchedule(Kind kind, long warmupSteps, long totalSteps, double decayFraction, double minFactor)
        implements Serializable {

    public enum Kind { CONSTANT, COSINE, WSD }

    public LrSchedule {
        if (warmupSteps < 0) {
            throw new IllegalArgumentException("schedule.warmup_steps must be >= 0, got " + warmupSteps);
        }
        if (kind != Kind.CONSTANT && totalSteps <= warmupSteps) {
            throw new IllegalArgumentException("schedule.total_steps must exceed warmup_steps for " + kind + ", got " + totalSteps);
        }
        if (!(decayFraction > 0 && decayFraction <= 1)) {
            throw new IllegalArgumentException("schedule.decay_fraction must be in (0, 1], got " + decayFraction);
        }
        if (!(minFactor >= 0 && minFactor <= 1)) {
            throw new IllegalArgumentException("schedule.min_factor must be in [0, 1], got " + minFactor);
        }
    }

    public static LrSchedule constant() {
        return new LrSchedule(Kind.CONSTANT, 0, 0, 1, 0);
    }

    /** The peak-rate factor for the update with index {@code step} (0-based). */
    public double factor(long step) {
        if (step < warmupSteps) {
            return (step + 1.0) / warmupSteps;
        }
        long t = Math.min(step, totalSteps);
        return switch (kind) {
            case CONSTANT -> 1.0;
            case COSINE -> {
                double p = (double) (t - warmupSteps) / (totalSteps - warmupSteps);
                yield minFactor + (1 - minFactor) * 0.5 * (1 + Math.cos(Math.PI * p));
            }
            case WSD -> {
                long decayStart = totalSteps - Math.round(decayFraction * totalSteps);
                if (t < decayStart) {
                    yield 1.0;
                }
                double p = (double) (t - decayStart) / Math.max(1, totalSteps - decayStart);
                yield 1 - (1 - minFactor) * p;
            }
        };
    }

    /** Reads {@code {kind: cosine, warmup_steps: 20, total_steps: 800, decay_fraction: 0.2, min_factor: 0.1}}. */
    public static LrSchedule fromSpec(String field, Object value) {
        if (value == null) {
            return constant();
        }
        if (!(value instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException(field + ": expected a map {kind, warmup_steps, total_steps, ...}, got '" + value + "'");
        }
        Set<String> keys = Set.of("kind", "warmup_steps", "total_steps", "decay_fraction", "min_factor");
        for (Object k : m.keySet()) {
            if (!keys.contains(String.valueOf(k))) {
                throw new IllegalArgumentException(field + ": unknown key '" + k + "'; expected one of " + keys);
            }
        }
        String k = String.valueOf(m.containsKey("kind") ? m.get("kind") : "constant");
        Kind kind = switch (k.toLowerCase(Locale.ROOT)) {
            case "constant" -> Kind.CONSTANT;
            case "cosine" -> Kind.COSINE;
            case "wsd" -> Kind.WSD;
            default -> throw new IllegalArgumentException(field + ".kind: unknown '" + k + "'; expected one of constant, cosine, wsd");
        };
        return new LrSchedule(kind, (long) num(field + ".warmup_steps", m.get("warmup_steps"), 0),
                (long) num(field + ".total_steps", m.get("total_steps"), 0),
                num(field + ".decay_fraction", m.get("decay_fraction"), 0.2),
                num(field + ".min_factor", m.get("min_factor"), 0.0));
    }

    private static double num(String field, Object v, double fallback) {
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException(field + ": expected a number, got '" + v + "'");
    }
}
