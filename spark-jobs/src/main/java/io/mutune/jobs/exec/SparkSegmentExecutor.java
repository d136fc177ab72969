package io.mutune.jobs.exec;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.spark.SimpleFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.rdd.RDD;
import org.apache.spark.resource.ResourceProfile;
import org.apache.spark.resource.ResourceProfileBuilder;
import org.apache.spark.resource.TaskResourceRequests;
import scala.concurrent.ExecutionContext;
import scala.runtime.AbstractFunction0;
import scala.runtime.AbstractFunction1;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;
import scala.util.Try;

/**
 * Runs each trial segment as its own single-task Spark job, submitted asynchronously (as
 * Hyperopt's SparkTrials does, without its cap of 128 concurrent jobs): the driver decides how
 * many are in flight from the cluster's slots. Jobs go to the sweep's FAIR pool under the sweep's
 * job group, each with a description naming its trial, so the Spark UI shows what runs.
 *
 * <p>Built for many submissions a second: the task function is a plain class (nothing for the
 * closure cleaner to parse), the call site is given (no stack walk per job), and a job's end
 * completes its future on Spark's own thread instead of a thread blocked per segment.
 */
public final class SparkSegmentExecutor {
    /** The FAIR pool mutune's session file defines, for a sweep that runs alone. */
    public static final String POOL = "mutune";
    private static final String CALL_SITE_SHORT = "callSite.short";
    private static final String CALL_SITE_LONG = "callSite.long";
    private static final scala.collection.immutable.Seq<Object> FIRST_PARTITION =
            scala.jdk.javaapi.CollectionConverters.asScala(List.<Object>of(0)).toSeq();
    private static final ExecutionContext ON_SPARKS_THREAD = ExecutionContext.fromExecutor(Runnable::run);
    private final JavaSparkContext jsc;
    private final String jobGroup;
    private final String pool;
    private final ResourceProfile profile;

    /**
     * @param gpusPerTrial GPUs each segment's task asks for; 0 runs on CPU with the default profile.
     *                     Fractions share a GPU between trials, as the spec allows.
     */
    public SparkSegmentExecutor(JavaSparkContext jsc, String jobGroup, double gpusPerTrial) {
        this(jsc, jobGroup, gpusPerTrial, POOL);
    }

    /** As above, the jobs going to FAIR pool {@code pool}. */
    public SparkSegmentExecutor(JavaSparkContext jsc, String jobGroup, double gpusPerTrial, String pool) {
        this.jsc = jsc;
        this.jobGroup = jobGroup;
        this.pool = pool;
        // Local mode has no executors to hold GPUs (and rejects stage-level profiles): trials run on CPU there.
        this.profile = gpusPerTrial > 0 && !jsc.isLocal()
                ? new ResourceProfileBuilder().require(new TaskResourceRequests().cpus(1).resource("gpu", gpusPerTrial)).build()
                : null;
    }

    /** Submits the segment and returns at once; the future completes when its task has run. */
    public CompletableFuture<SegmentOutcome> submit(SegmentTask task) {
        String what = "trial " + task.segment().trialId() + " " + task.segment().fromResource()
                + "->" + task.segment().toResource() + " attempt " + task.attempt();
        jsc.setLocalProperty("spark.scheduler.pool", pool);
        jsc.setJobGroup(jobGroup, "mutune sweep " + jobGroup, true);
        jsc.setJobDescription(what);
        jsc.setLocalProperty(CALL_SITE_SHORT, what);
        jsc.setLocalProperty(CALL_SITE_LONG, what);
        try {
            RDD<SegmentTask> rdd = jsc.parallelize(List.of(task), 1).rdd();
            if (profile != null) {
                rdd = rdd.withResources(profile);
            }
            Outcome outcome = new Outcome(task.segment().trialId());
            SimpleFutureAction<SegmentOutcome> action = jsc.sc().submitJob(rdd, new SegmentTaskFunction(), FIRST_PARTITION,
                    outcome.handler, outcome.value);
            action.onComplete(outcome, ON_SPARKS_THREAD);
            return outcome.future;
        } finally {
            // Other jobs of this thread (the fit, the publish) get their own call sites again.
            jsc.setLocalProperty(CALL_SITE_SHORT, null);
            jsc.setLocalProperty(CALL_SITE_LONG, null);
        }
    }

    /** Cancels every job of the sweep, e.g. when the driver is stopped. */
    public void cancelAll() {
        jsc.cancelJobGroup(jobGroup);
    }

    /**
     * Holds the task's result (Spark's result handler), hands it over as the job's result, and
     * completes the segment's future when the job ends; a job Spark could not run becomes an outcome too.
     */
    private static final class Outcome extends AbstractFunction1<Try<SegmentOutcome>, BoxedUnit> {
        private final String trialId;
        private final CompletableFuture<SegmentOutcome> future = new CompletableFuture<>();
        private volatile SegmentOutcome result;
        final AbstractFunction2<Object, SegmentOutcome, BoxedUnit> handler = new AbstractFunction2<>() {
            @Override
            public BoxedUnit apply(Object partition, SegmentOutcome o) {
                result = o;
                return BoxedUnit.UNIT;
            }
        };
        final AbstractFunction0<SegmentOutcome> value = new AbstractFunction0<>() {
            @Override
            public SegmentOutcome apply() {
                return result;
            }
        };

        Outcome(String trialId) {
            this.trialId = trialId;
        }

        @Override
        public BoxedUnit apply(Try<SegmentOutcome> ended) {
            if (ended.isSuccess()) {
                future.complete(ended.get());
            } else {
                future.complete(SegmentOutcome.sparkFailure("Spark could not run trial " + trialId + ": " + ended.failed().get()));
            }
            return BoxedUnit.UNIT;
        }
    }
}
