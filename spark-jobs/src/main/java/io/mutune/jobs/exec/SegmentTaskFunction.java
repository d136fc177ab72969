package io.mutune.jobs.exec;

import io.mutune.hpo.runner.SegmentResult;
import io.mutune.hpo.runner.TrialContext;
import io.mutune.jobs.external.ExternalCommandException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.apache.spark.resource.ResourceInformation;
import scala.collection.Iterator;
import scala.runtime.AbstractFunction1;

/**
 * The code that runs inside the Spark task: reads the task's GPU addresses, runs the segment and
 * returns the outcome. A runner's exception is returned as data, not rethrown, because a trial bug
 * is not an executor fault: Spark should not retry it, mutune's own retry policy decides. Spark
 * retries only what it should: a task lost with its executor.
 *
 * <p>A plain class rather than a lambda: Spark's closure cleaner then has nothing to inspect, where
 * a lambda cost it a read and parse of class files from the application jar on every submission.
 */
public final class SegmentTaskFunction extends AbstractFunction1<Iterator<SegmentTask>, SegmentOutcome> implements Serializable {
    private static final long serialVersionUID = 2L;
    private static final int STACK_TAIL_CHARS = 4000;

    /** Runs the partition's one segment. */
    @Override
    public SegmentOutcome apply(Iterator<SegmentTask> tasks) {
        if (!tasks.hasNext()) {
            throw new IllegalStateException("a segment's partition holds no segment");
        }
        try {
            return run(tasks.next());
        } catch (InterruptedException e) {
            // Spark interrupts the task when its job is cancelled; it reports the task as killed.
            Thread.currentThread().interrupt();
            throw new org.apache.spark.TaskKilledException("the segment's job was cancelled");
        }
    }

    private static SegmentOutcome run(SegmentTask task) throws InterruptedException {
        List<String> gpus = taskGpus();
        String executor = SparkEnv.get() == null ? "local" : SparkEnv.get().executorId();
        TaskContext tc = TaskContext.get();
        int sparkAttempt = tc == null ? 0 : tc.attemptNumber();
        String host = hostName();
        long start = System.currentTimeMillis();
        try {
            SegmentResult result = TimedRun.run(task, new TrialContext(gpus, null));
            return new SegmentOutcome(result, null, RunnerEnding.RETURNED, executor, host, gpus, sparkAttempt, start, System.currentTimeMillis());
        } catch (TimeoutException e) {
            return new SegmentOutcome(null, e.getMessage(), RunnerEnding.TIMED_OUT, executor, host, gpus, sparkAttempt, start,
                    System.currentTimeMillis());
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception | LinkageError e) {
            return new SegmentOutcome(null, describe(e), RunnerEnding.THREW, executor, host, gpus, sparkAttempt, start,
                    System.currentTimeMillis());
        }
    }

    private static List<String> taskGpus() {
        TaskContext tc = TaskContext.get();
        if (tc == null) {
            return List.of();
        }
        Map<String, ResourceInformation> resources = tc.resourcesJMap();
        ResourceInformation gpu = resources.get("gpu");
        return gpu == null ? List.of() : List.of(gpu.addresses());
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    /**
     * The journal message of a runner that threw: a reason in one line first (what the progress line
     * shows), then the details. An external program's message already reads so, with its stderr
     * tail; anything else gets its class and message, then its stack.
     */
    static String describe(Throwable e) {
        if (e instanceof ExternalCommandException) {
            String m = e.getMessage();
            return m.length() <= STACK_TAIL_CHARS ? m : m.substring(0, STACK_TAIL_CHARS) + "\n...";
        }
        String m = e.getMessage() == null ? "" : e.getMessage().strip();
        int nl = m.indexOf('\n');
        return e.getClass().getSimpleName() + (m.isEmpty() ? "" : ": " + (nl < 0 ? m : m.substring(0, nl))) + "\n" + stackTail(e);
    }

    static String stackTail(Throwable e) {
        StringWriter sw = new StringWriter();
        e.printStackTrace(new PrintWriter(sw));
        String s = sw.toString();
        return s.length() <= STACK_TAIL_CHARS ? s : s.substring(0, STACK_TAIL_CHARS) + "\n...";
    }
}
