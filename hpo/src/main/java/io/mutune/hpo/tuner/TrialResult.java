package io.mutune.hpo.tuner;

import io.mutune.hpo.space.Configuration;

/**
 * One reported measurement of a trial.
 *
 * @param resource  the resource level it was measured at
 * @param metric    the raw metric as reported (NaN/Inf when diverged)
 * @param outcome   the effective outcome (a non-finite metric is DIVERGED)
 * @param config    the configuration the segment ran with (PBT changes it between segments)
 */
public record TrialResult(long resource, double metric, TrialReport.Outcome outcome, Configuration config) {
}
