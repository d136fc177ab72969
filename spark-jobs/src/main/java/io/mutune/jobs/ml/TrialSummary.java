package io.mutune.jobs.ml;

import java.io.Serializable;

/**
 * One evaluated trial of a {@link MuTuneValidator} fit.
 *
 * @param resource the value of the resource Param it trained with (ASHA), 0 when there is none
 * @param metric   the evaluator's value on the validation split; NaN when the fit failed
 */
public record TrialSummary(int number, String configJson, long resource, double metric, String error) implements Serializable { }
