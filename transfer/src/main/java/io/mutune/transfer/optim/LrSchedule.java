package io.mutune.transfer.optim;

import java.io.Serializable;

/**
 * Learning-rate schedule as a factor of the peak rate: linear warmup, then constant, cosine
 * decay, or warmup-stable-decay (WSD: constant, then a linear cool-down over the last
 * {@code decayFraction} of {@code totalSteps}; Hu et al. 2024, "MiniCPM").
 *
 * <p>The factor depends only on the step index, so a resumed trial follows the same curve. The spec
 * gives a {@link ScheduleSpec}, which becomes one of these once a trial's horizon is known.
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
}
