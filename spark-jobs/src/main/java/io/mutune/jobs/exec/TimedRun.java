package io.mutune.jobs.exec;

import io.mutune.hpo.runner.SegmentResult;
import io.mutune.hpo.runner.TrialContext;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a segment on its own thread so a hung runner can be abandoned after the timeout: the task
 * returns a TIMED_OUT outcome instead of holding its slot (and GPU) forever. The runner's thread
 * is interrupted; a runner that ignores interrupts keeps a daemon thread until it returns.
 */
final class TimedRun {
    /** Runners that enforce the timeout themselves (the external command) report first, with the program's stderr. */
    static final long GRACE_SECONDS = 10;

    private TimedRun() { }

    /** The runner's result, or the exception it threw, or {@link TimeoutException} past the limit. */
    static SegmentResult run(SegmentTask task, TrialContext context) throws Exception {
        FutureTask<SegmentResult> work = new FutureTask<>(() -> task.runner().run(task.segment(), context));
        Thread thread = new Thread(work, "mutune-trial-" + task.segment().trialId());
        thread.setDaemon(true);
        thread.start();
        try {
            return work.get(task.timeoutSeconds() + GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            work.cancel(true);
            throw new TimeoutException("timed out after " + task.timeoutSeconds() + " s\ntrial " + task.segment().trialId()
                    + " ran past resources.trial_timeout_s = " + task.timeoutSeconds() + " s (and " + GRACE_SECONDS + " s of grace) and was stopped");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception ex) {
                throw ex;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw e;
        } catch (InterruptedException e) {
            // Spark interrupts the task when its job is cancelled: stop the trial with it.
            work.cancel(true);
            throw e;
        }
    }
}
