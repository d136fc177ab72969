package io.mutune.hpo.tuner;

import io.mutune.hpo.space.Configuration;
import java.util.Objects;

/**
 * One piece of work that {@link Tuner#ask()} hands out: train {@code trialId} with {@code config}
 * from {@code fromResource} up to {@code toResource}.
 *
 * @param trialId            stable id, {@code prefix-tNNNN}
 * @param number             the trial's number, 0-based, in the order trials were created
 * @param config             the hyperparameters
 * @param fromResource       the resource already trained; 0 for a fresh start
 * @param toResource         the resource to train up to
 * @param resumeFromTrialId  whose checkpoint (at {@code fromResource}) to load; null = fresh. It is the
 *                           trial itself for a promotion, another trial for a PBT exploit
 * @param parentTrialId      set only on a PBT exploit segment: the trial whose checkpoint and (explored)
 *                           hyperparameters this one takes over at {@code fromResource}; else null
 * @param bracket            the scheduler's bracket (Hyperband, BOHB), 0 when it has none
 * @param replicate          0 for the search's own run of the trial; k > 0 for the k-th extra seed of the
 *                           same configuration (or schedule), which trains from scratch to the maximum
 *                           resource and resumes only from its own checkpoints
 */
public record TrialRequest(String trialId, int number, Configuration config,
                           long fromResource, long toResource, String resumeFromTrialId,
                           String parentTrialId, int bracket, int replicate) {

    public TrialRequest {
        Objects.requireNonNull(trialId, "trialId");
        Objects.requireNonNull(config, "config");
        if (number < 0) {
            throw new IllegalArgumentException("trial number must be >= 0, got " + number);
        }
        if (fromResource < 0 || toResource <= fromResource) {
            throw new IllegalArgumentException("request for " + trialId + " must have 0 <= fromResource < toResource, got "
                    + fromResource + " .. " + toResource);
        }
        if (fromResource > 0 && resumeFromTrialId == null) {
            throw new IllegalArgumentException("request for " + trialId + " starts at " + fromResource + " but names no checkpoint to resume from");
        }
        if (replicate < 0) {
            throw new IllegalArgumentException("request for " + trialId + " has replicate " + replicate + " < 0");
        }
        if (replicate > 0 && parentTrialId != null) {
            throw new IllegalArgumentException("replicate " + replicate + " of " + trialId + " copies " + parentTrialId
                    + "; a replicate replays its trial's schedule with its own seed and copies no other trial");
        }
    }

    /** The search's own run (replicate 0). */
    public TrialRequest(String trialId, int number, Configuration config,
                        long fromResource, long toResource, String resumeFromTrialId,
                        String parentTrialId, int bracket) {
        this(trialId, number, config, fromResource, toResource, resumeFromTrialId, parentTrialId, bracket, 0);
    }

    /** A request with no lineage and no bracket. */
    public TrialRequest(String trialId, int number, Configuration config,
                        long fromResource, long toResource, String resumeFromTrialId) {
        this(trialId, number, config, fromResource, toResource, resumeFromTrialId, null, 0, 0);
    }

    public boolean isFresh() {
        return resumeFromTrialId == null;
    }

    /** Whether this is an extra seed of a configuration rather than the search's own run. */
    public boolean isReplicate() {
        return replicate > 0;
    }
}
