package io.mutune.transfer.proxy;

import io.mutune.hpo.space.Configuration;
import io.mutune.transfer.optim.LrSchedule;
import io.mutune.transfer.optim.ScheduleSpec;
import java.util.Map;

/**
 * A trial's batch, its horizon and the schedule that decays to it. The {@code batch} axis sets
 * the batch (examples or sequences per step); the {@code tokens} axis sets the horizon, in steps
 * of {@code batch x tokens per example} tokens (for the MLP a token is one example), so a larger
 * batch at the same tokens trains fewer steps. Without a tokens axis the horizon is the
 * schedule's {@code total_steps} (0: none).
 *
 * @param batch         examples or sequences per step
 * @param tokensPerStep tokens one step consumes
 * @param steps         the horizon in steps, 0 when there is none
 * @param tokens        the tokens axis value, NaN without one
 * @param schedule      the learning-rate schedule at this horizon
 */
public record TrialHorizon(int batch, long tokensPerStep, long steps, double tokens, LrSchedule schedule) {

    /** The horizon of a trial at {@code scale} under {@code spec}, with the spec's warmup. */
    public static TrialHorizon of(ProxySpec spec, Map<String, Double> scale) {
        return of(spec, scale, new Configuration(Map.of()));
    }

    /**
     * The horizon of a trial at {@code scale} under {@code spec}; a {@code warmup_steps},
     * {@code warmup_fraction} or {@code warmup_tokens} hyperparameter in {@code config} replaces the
     * spec's warmup.
     */
    public static TrialHorizon of(ProxySpec spec, Map<String, Double> scale, Configuration config) {
        ScheduleSpec schedule = spec.optimizer().schedule();
        String warmupFrom = null;
        for (String w : ScheduleSpec.WARMUP_HYPERPARAMETERS) {
            if (config.has(w)) {
                if (warmupFrom != null) {
                    throw new IllegalArgumentException("configuration sets both '" + warmupFrom + "' and '" + w + "'; search one warmup");
                }
                warmupFrom = w;
                schedule = schedule.withWarmup(w, config.getDouble(w));
            }
        }
        int batch = spec.batchSize();
        if (scale.containsKey("batch")) {
            double b = scale.get("batch");
            if (!(b >= 1) || b != Math.rint(b) || b > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("scales.batch: " + format(b) + " is not a whole number of examples >= 1");
            }
            batch = (int) b;
        }
        long tokensPerStep = (long) batch * spec.tokensPerExample();
        long steps = schedule.totalSteps();
        double tokens = Double.NaN;
        String where = "proxy.schedule.total_steps " + steps;
        if (scale.containsKey("tokens")) {
            tokens = scale.get("tokens");
            steps = Math.round(tokens / tokensPerStep);
            where = "scales.tokens " + format(tokens) + " at batch " + batch + ", " + tokensPerStep + " tokens per step";
            if (steps < 1) {
                throw new IllegalArgumentException("scales.tokens: " + format(tokens) + " tokens is less than one step at batch "
                        + batch + " (" + tokensPerStep + " tokens per step)");
            }
        }
        return new TrialHorizon(batch, tokensPerStep, steps, tokens, schedule.resolve(steps, tokensPerStep, where));
    }

    static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
