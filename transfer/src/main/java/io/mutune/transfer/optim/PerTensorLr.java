package io.mutune.transfer.optim;

import ai.djl.training.tracker.ParameterTracker;
import java.util.Map;

/**
 * DJL learning-rate tracker that gives every tensor its own rate: the trial's peak rate, times
 * the schedule's factor at this update, times the tensor's parametrization multiplier (e.g. 1/m
 * for muP hidden weights under Adam).
 */
public final class PerTensorLr implements ParameterTracker {
    private final double peakLr;
    private final LrSchedule schedule;
    private final Map<String, Double> multipliers;

    public PerTensorLr(double peakLr, LrSchedule schedule, Map<String, Double> multipliers) {
        if (!(peakLr > 0) || !Double.isFinite(peakLr)) {
            throw new IllegalArgumentException("lr must be finite and > 0, got " + peakLr);
        }
        this.peakLr = peakLr;
        this.schedule = schedule;
        this.multipliers = Map.copyOf(multipliers);
    }

    @Override
    public float getNewValue(String parameterId, int numUpdate) {
        Double mult = multipliers.get(parameterId);
        if (mult == null) {
            throw new IllegalArgumentException("no learning-rate multiplier for tensor '" + parameterId + "'; known: " + multipliers.keySet());
        }
        return (float) (peakLr * schedule.factor(numUpdate) * mult);
    }
}
