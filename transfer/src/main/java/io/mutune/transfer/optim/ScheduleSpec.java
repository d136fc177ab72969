package io.mutune.transfer.optim;

import java.io.Serializable;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The spec's {@code schedule:} before a trial's horizon is known. The horizon is the number of
 * steps the schedule decays over: {@code total_steps}, or, when the sweep has a {@code tokens}
 * axis, that point's tokens divided by the tokens one step consumes. Warmup is given in steps,
 * as a fraction of the horizon, or in tokens (the literature's unit: a larger batch then warms up
 * in fewer steps).
 *
 * @param kind           constant, cosine or WSD
 * @param warmupSteps    warmup in steps, or -1
 * @param warmupFraction warmup as a fraction of the horizon, or NaN
 * @param warmupTokens   warmup in tokens (examples for the MLP), or -1
 * @param totalSteps     the horizon when no tokens axis sets it; 0 when not given
 * @param decayFraction  WSD: the share of the horizon spent cooling down
 * @param minFactor      the factor the decay ends at
 * @param reuse          WSD: let one run at the longest horizon branch the decays of the shorter ones
 */
public record ScheduleSpec(LrSchedule.Kind kind, long warmupSteps, double warmupFraction, double warmupTokens,
                           long totalSteps, double decayFraction, double minFactor, boolean reuse) implements Serializable {

    private static final Set<String> KEYS = Set.of("kind", "warmup_steps", "warmup_fraction", "warmup_tokens",
            "total_steps", "decay_fraction", "min_factor", "reuse");

    public ScheduleSpec {
        int given = (warmupSteps >= 0 ? 1 : 0) + (Double.isNaN(warmupFraction) ? 0 : 1) + (warmupTokens >= 0 ? 1 : 0);
        if (given > 1) {
            throw new IllegalArgumentException("proxy.schedule: give one of warmup_steps, warmup_fraction, warmup_tokens, not " + given);
        }
        if (!Double.isNaN(warmupFraction) && !(warmupFraction >= 0 && warmupFraction < 1)) {
            throw new IllegalArgumentException("proxy.schedule.warmup_fraction: expected a fraction of the horizon in [0, 1), got " + warmupFraction);
        }
        if (totalSteps < 0) {
            throw new IllegalArgumentException("proxy.schedule.total_steps: expected a positive step count, got " + totalSteps);
        }
        if (!(decayFraction > 0 && decayFraction <= 1)) {
            throw new IllegalArgumentException("proxy.schedule.decay_fraction: expected a number in (0, 1], got " + decayFraction);
        }
        if (!(minFactor >= 0 && minFactor <= 1)) {
            throw new IllegalArgumentException("proxy.schedule.min_factor: expected a number in [0, 1], got " + minFactor);
        }
    }

    /** A constant rate with no warmup. */
    public static ScheduleSpec constant() {
        return new ScheduleSpec(LrSchedule.Kind.CONSTANT, -1, Double.NaN, -1, 0, 0.2, 0, true);
    }

    /**
     * Reads {@code {kind: wsd, warmup_tokens: 2.0e5, decay_fraction: 0.2, min_factor: 0, reuse: true}}
     * (or {@code warmup_steps}, {@code warmup_fraction}, {@code total_steps}).
     */
    public static ScheduleSpec fromSpec(String field, Object value) {
        if (value == null) {
            return constant();
        }
        if (!(value instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException(field + ": expected a map {kind, warmup_steps, total_steps, ...}, got '" + value + "'");
        }
        for (Object k : m.keySet()) {
            if (!KEYS.contains(String.valueOf(k))) {
                throw new IllegalArgumentException(field + ": unknown key '" + k + "'; expected one of " + new java.util.TreeSet<>(KEYS));
            }
        }
        String k = String.valueOf(m.containsKey("kind") ? m.get("kind") : "constant");
        LrSchedule.Kind kind = switch (k.toLowerCase(Locale.ROOT)) {
            case "constant" -> LrSchedule.Kind.CONSTANT;
            case "cosine" -> LrSchedule.Kind.COSINE;
            case "wsd" -> LrSchedule.Kind.WSD;
            default -> throw new IllegalArgumentException(field + ".kind: unknown '" + k + "'; expected one of constant, cosine, wsd");
        };
        Object reuse = m.get("reuse");
        if (reuse != null && !(reuse instanceof Boolean)) {
            throw new IllegalArgumentException(field + ".reuse: expected true or false, got '" + reuse + "'");
        }
        return new ScheduleSpec(kind, wholeOrMissing(field + ".warmup_steps", m.get("warmup_steps")),
                m.get("warmup_fraction") == null ? Double.NaN : num(field + ".warmup_fraction", m.get("warmup_fraction")),
                m.get("warmup_tokens") == null ? -1 : nonNegative(field + ".warmup_tokens", m.get("warmup_tokens")),
                Math.max(0, wholeOrMissing(field + ".total_steps", m.get("total_steps"))),
                m.get("decay_fraction") == null ? 0.2 : num(field + ".decay_fraction", m.get("decay_fraction")),
                m.get("min_factor") == null ? 0.0 : num(field + ".min_factor", m.get("min_factor")),
                reuse == null || (Boolean) reuse);
    }

    /** The trial hyperparameters that may set the warmup instead of the spec (one at most per trial). */
    public static final java.util.List<String> WARMUP_HYPERPARAMETERS = java.util.List.of("warmup_steps", "warmup_fraction", "warmup_tokens");

    /**
     * This schedule with its warmup replaced by a trial's {@code warmup_steps}, {@code warmup_fraction}
     * or {@code warmup_tokens} hyperparameter, so a sweep can search the warmup.
     */
    public ScheduleSpec withWarmup(String hyperparameter, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("hyperparameter '" + hyperparameter + "' must be finite and >= 0, got " + value);
        }
        return switch (hyperparameter) {
            case "warmup_steps" -> new ScheduleSpec(kind, Math.round(value), Double.NaN, -1, totalSteps, decayFraction, minFactor, reuse);
            case "warmup_fraction" -> new ScheduleSpec(kind, -1, value, -1, totalSteps, decayFraction, minFactor, reuse);
            case "warmup_tokens" -> new ScheduleSpec(kind, -1, Double.NaN, value, totalSteps, decayFraction, minFactor, reuse);
            default -> throw new IllegalArgumentException("'" + hyperparameter + "' is not a warmup; expected one of " + WARMUP_HYPERPARAMETERS);
        };
    }

    /** True when the schedule decays, so that a horizon must be known. */
    public boolean decays() {
        return kind != LrSchedule.Kind.CONSTANT;
    }

    /**
     * True when two horizons' schedules agree up to the shorter one's cool-down, so a run at the
     * longer horizon can branch the shorter one's decay off its own stable phase: WSD (and a
     * constant rate, where the shorter run is a prefix), with warmup not tied to the horizon.
     */
    public boolean sharesPrefixAcrossHorizons() {
        return reuse && kind != LrSchedule.Kind.COSINE && Double.isNaN(warmupFraction);
    }

    /** The warmup in steps at this horizon and step size. */
    public long warmupStepsAt(long horizonSteps, long tokensPerStep) {
        if (warmupTokens >= 0) {
            return (long) Math.ceil(warmupTokens / tokensPerStep);
        }
        if (!Double.isNaN(warmupFraction)) {
            return Math.round(warmupFraction * horizonSteps);
        }
        return Math.max(0, warmupSteps);
    }

    /** The field the warmup was given in, for error messages. */
    public String warmupField() {
        return warmupTokens >= 0 ? "proxy.schedule.warmup_tokens" : !Double.isNaN(warmupFraction)
                ? "proxy.schedule.warmup_fraction" : "proxy.schedule.warmup_steps";
    }

    /**
     * The schedule of a trial whose horizon is {@code horizonSteps} (0: none known) and whose step
     * consumes {@code tokensPerStep} tokens.
     *
     * @param where what set the horizon, for the error message (e.g. {@code scales.tokens 1e6 at batch 32})
     */
    public LrSchedule resolve(long horizonSteps, long tokensPerStep, String where) {
        if (decays() && horizonSteps <= 0) {
            throw new IllegalArgumentException("proxy.schedule.total_steps: a " + kind.name().toLowerCase(Locale.ROOT)
                    + " schedule needs a horizon: give total_steps or a tokens axis in scales");
        }
        long warmup = warmupStepsAt(horizonSteps, tokensPerStep);
        if (horizonSteps > 0 && warmup >= horizonSteps && warmup > 0) {
            throw new IllegalArgumentException(warmupField() + ": warmup of " + warmup + " steps is not shorter than the horizon of "
                    + horizonSteps + " steps (" + where + ")");
        }
        return new LrSchedule(kind, warmup, decays() ? horizonSteps : 0, decayFraction, minFactor);
    }

    private static long wholeOrMissing(String field, Object v) {
        if (v == null) {
            return -1;
        }
        double d = nonNegative(field, v);
        if (d != Math.rint(d)) {
            throw new IllegalArgumentException(field + ": expected a whole number of steps, got " + v);
        }
        return (long) d;
    }

    private static double nonNegative(String field, Object v) {
        double d = num(field, v);
        if (!(d >= 0)) {
            throw new IllegalArgumentException(field + ": expected a number >= 0, got " + v);
        }
        return d;
    }

    private static double num(String field, Object v) {
        if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException(field + ": expected a number, got '" + v + "'");
    }
}
