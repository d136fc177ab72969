package io.mutune.jobs.exec;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.resource.ResourceProfile;
import org.apache.spark.resource.ResourceProfileBuilder;
import org.apache.spark.resource.TaskResourceRequests;

/**
 * Runs each trial segment as its own single-task Spark job, submitted asynchronously (as
 * Hyperopt's SparkTrials does, without its cap of 128 concurrent jobs): the driver decides how
 * many are in flight from the cluster's slots. Jobs go to a FAIR pool under the sweep's job group,
 * each with a description naming its trial, so the Spark UI shows what runs.
 */
public final class SparkSegmentExecutor {
    public static final String POOL = "mutune";
    private final JavaSparkContext jsc;
    private final String jobGroup;
    private final ResourceProfile profile;

    /**
     * @param gpusPerTrial GPUs each segment's task asks for; 0 runs on CPU with the default profile.
     *                     Fractions share a GPU between trials, as the spec allows.
     */
    public SparkSegmentExecutor(JavaSparkContext jsc, String jobGroup, double gpusPerTrial) {
        this.jsc = jsc;
        this.jobGroup = jobGroup;
        // Local mode has no executors to hold GPUs (and rejects stage-level profiles): trials run on CPU there.
        this.profile = gpusPerTrial > 0 && !jsc.isLocal()
                ? new ResourceProfileBuilder().require(new TaskResourceRequests().cpus(1).resource("gpu", gpusPerTrial)).build()
                : null;
    }

    /** Submits the segment and returns at once; the future completes when its task has run. */
    public CompletableFuture<SegmentOutcome> submit(SegmentTask task) {
        jsc.setLocalProperty("spark.scheduler.pool", POOL);
        jsc.setJobGroup(jobGroup, "mutune sweep " + jobGroup, true);
        jsc.setJobDescription("trial " + task.segment().trialId() + " " + task.segment().fromResource()
                + "->" + task.segment().toResource() + " attempt " + task.attempt());
        JavaRDD<SegmentTask> rdd = jsc.parallelize(List.of(task), 1);
        if (profile != null) {
            rdd = rdd.withResources(profile);
        }
        JavaFutureAction<List<SegmentOutcome>> action = rdd.mapPartitions(new SegmentTaskFunction()).collectAsync();
        return CompletableFuture.supplyAsync(() -> {
            try {
                return action.get().get(0);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return SegmentOutcome.sparkFailure("interrupted while trial " + task.segment().trialId() + " ran");
            } catch (java.util.concurrent.ExecutionException e) {
                return SegmentOutcome.sparkFailure("Spark could not run trial " + task.segment().trialId() + ": " + e.getCause());
            }
        }, FUTURE_WAITERS);
    }

    /** Cancels every job of the sweep, e.g. when the driver is stopped. */
    public void cancelAll() {
        jsc.cancelJobGroup(jobGroup);
    }

    // Waiting on a JavaFutureAction blocks a thread; these threads only wait, so a cached pool is right.
    private static final java.util.concurrent.ExecutorService FUTURE_WAITERS =
            java.util.concurrent.Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "mutune-segment-wait");
                t.setDaemon(true);
                return t;
            });
}
