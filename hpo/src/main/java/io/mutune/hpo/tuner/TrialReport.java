package io.mutune.hpo.tuner;

import java.util.Objects;

/**
 * What a runner tells the tuner about a request it ran.
 *
 * @param trialId   the request's trial
 * @param resource  the resource reached (where it diverged or failed, for those outcomes)
 * @param metric    the metric at {@code resource}; NaN or Inf means diverged, whatever the outcome says
 * @param outcome   completed, diverged or failed
 * @param message   why it diverged or failed, or null
 * @param replicate the request's replicate index (0: the search's own run)
 */
public record TrialReport(String trialId, long resource, double metric, Outcome outcome, String message, int replicate) {

    public enum Outcome { COMPLETED, DIVERGED, FAILED }

    public TrialReport {
        Objects.requireNonNull(trialId, "trialId");
        Objects.requireNonNull(outcome, "outcome");
        if (resource < 0) {
            throw new IllegalArgumentException("report of " + trialId + " has negative resource " + resource);
        }
        if (replicate < 0) {
            throw new IllegalArgumentException("report of " + trialId + " has replicate " + replicate + " < 0");
        }
    }

    /** A report of the search's own run. */
    public TrialReport(String trialId, long resource, double metric, Outcome outcome, String message) {
        this(trialId, resource, metric, outcome, message, 0);
    }

    /** A report for {@code request}, whichever replicate it is. */
    public static TrialReport of(TrialRequest request, long resource, double metric, Outcome outcome, String message) {
        return new TrialReport(request.trialId(), resource, metric, outcome, message, request.replicate());
    }

    public static TrialReport completed(String trialId, long resource, double metric) {
        return new TrialReport(trialId, resource, metric, Outcome.COMPLETED, null);
    }

    /** The outcome with a non-finite metric counted as diverged, as Optuna's tell does. */
    public Outcome effectiveOutcome() {
        if (outcome == Outcome.COMPLETED && !Double.isFinite(metric)) {
            return Outcome.DIVERGED;
        }
        return outcome;
    }
}
