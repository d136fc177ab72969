package io.mutune.hpo.tuner;

/**
 * One extra seed of a trial (replicate index &gt; 0): it replays the trial's schedule from scratch,
 * step by step, and ends with one result at the maximum resource.
 */
public final class ReplicateRun {
    private final int replicate;
    private TrialStatus status = TrialStatus.RUNNING;
    private long resource;
    private TrialResult result;

    ReplicateRun(int replicate) {
        this.replicate = replicate;
    }

    void start(TrialRequest request) {
        status = TrialStatus.RUNNING;
        resource = request.fromResource();
    }

    void pause(long at) {
        status = TrialStatus.PAUSED;
        resource = at;
    }

    void finish(TrialResult last, TrialStatus end) {
        status = end;
        resource = last.resource();
        result = last;
    }

    public int replicate() {
        return replicate;
    }

    /** RUNNING, PAUSED between schedule steps, or COMPLETED / DIVERGED / FAILED. */
    public TrialStatus status() {
        return status;
    }

    /** The resource trained so far. */
    public long resource() {
        return resource;
    }

    /** The result at the maximum resource (or where it diverged or failed); null while it runs. */
    public TrialResult result() {
        return result;
    }
}
