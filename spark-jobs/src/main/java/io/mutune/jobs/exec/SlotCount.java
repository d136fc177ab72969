package io.mutune.jobs.exec;

import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * How many trial segments the cluster can run at once, re-read before every fill of the window:
 * the sum over registered executors of their slots, falling back to {@code defaultParallelism}
 * when no executor is known yet (the listener was not registered, or none has registered).
 */
public final class SlotCount {
    private final JavaSparkContext jsc;
    private final double gpusPerTrial;
    private final int taskCpus;

    public SlotCount(JavaSparkContext jsc, double gpusPerTrial) {
        this.jsc = jsc;
        // Local mode runs trials on CPU (see SparkSegmentExecutor), so GPUs do not limit its slots.
        this.gpusPerTrial = jsc.isLocal() ? 0 : gpusPerTrial;
        this.taskCpus = jsc.getConf().getInt("spark.task.cpus", 1);
    }

    /** At least 1, so a sweep waiting for its first executor still submits work for Spark to queue. */
    public int now() {
        ExecutorSlots listener = ExecutorSlots.current();
        Map<String, ExecutorCapacity> executors = listener == null ? Map.of() : listener.executors();
        if (executors.isEmpty()) {
            return Math.max(1, jsc.sc().defaultParallelism());
        }
        return Math.max(1, total(executors, taskCpus, gpusPerTrial));
    }

    /**
     * Waits (at most {@code maxMillis}) until an executor has registered, so the first wave of asks
     * is sized by the real cluster and does not sit in Spark's queue while executors start.
     * Returns at once in local mode or when the slot listener is not registered.
     */
    public void awaitFirstExecutor(long maxMillis) {
        ExecutorSlots listener = ExecutorSlots.current();
        if (jsc.isLocal() || listener == null) {
            return;
        }
        long deadline = System.currentTimeMillis() + maxMillis;
        while (listener.executors().isEmpty() && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * How many segments to keep handed to Spark: the slots, plus {@code queueAheadPerExecutor} queued on
     * each executor (one JVM counts as one executor in local mode or before any has registered).
     */
    public int window(int queueAheadPerExecutor) {
        ExecutorSlots listener = ExecutorSlots.current();
        int executors = listener == null || jsc.isLocal() ? 1 : Math.max(1, listener.executors().size());
        return now() + executors * queueAheadPerExecutor;
    }

    static int total(Map<String, ExecutorCapacity> executors, int taskCpus, double gpusPerTrial) {
        int sum = 0;
        for (ExecutorCapacity e : executors.values()) {
            sum += e.slots(taskCpus, gpusPerTrial);
        }
        return sum;
    }
}
