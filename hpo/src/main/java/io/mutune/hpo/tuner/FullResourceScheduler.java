package io.mutune.hpo.tuner;

import java.util.SplittableRandom;

/** No early stopping: every trial trains to the maximum resource in one segment. */
public final class FullResourceScheduler implements Scheduler {

    @Override
    public Assignment next(TrialTable trials, TunerSettings settings, boolean mayStart, SplittableRandom random) {
        return mayStart ? new Assignment.Start(settings.maxResource(), 0) : Assignment.WAIT;
    }

    @Override
    public Decision onReport(TrialTable trials, TrialState trial, TunerSettings settings) {
        return Decision.STOP;
    }

    @Override
    public String name() {
        return "full";
    }
}
