package io.mutune.hpo.tuner;

import io.mutune.hpo.space.Configuration;

/** What a scheduler wants done next; the tuner turns it into a {@link TrialRequest}. */
public sealed interface Assignment {

    /** Start a new trial (its configuration comes from the searcher) and train it to {@code toResource}. */
    record Start(long toResource, int bracket) implements Assignment { }

    /** Resume a paused trial from its own checkpoint and train it to {@code toResource} (a promotion). */
    record Resume(String trialId, long toResource) implements Assignment { }

    /**
     * PBT: {@code trialId} takes {@code parentTrialId}'s checkpoint and goes on with {@code config}
     * (the parent's, perturbed or resampled) up to {@code toResource}.
     */
    record Exploit(String trialId, String parentTrialId, Configuration config, long toResource) implements Assignment { }

    /** Nothing to hand out now: wait for reports (or the sweep is over when nothing runs). */
    record Wait() implements Assignment { }

    Assignment WAIT = new Wait();
}
