package io.mutune.jobs.exec;

import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.Pool;
import org.apache.spark.scheduler.Schedulable;
import org.apache.spark.scheduler.SchedulingMode;

/**
 * The FAIR pools sweeps submit their segments to. Several sweeps in one application (two specs
 * given to {@code mutune sweep}, or two {@code Mutune.sweep} calls from a notebook) share the
 * cluster's free slots in proportion to their pools' weights, which come from each spec's
 * {@code resources.weight}. A pool the session's allocation file already defines keeps its
 * settings there; any other is created here with the spec's weight before the sweep's first job,
 * because Spark would otherwise create it on first use with weight 1.
 */
public final class SweepPools {
    private SweepPools() { }

    /** The pool of a sweep named {@code specName} whose spec names none. */
    public static String defaultName(String specName) {
        return "mutune-" + specName;
    }

    /**
     * Makes sure pool {@code name} exists with {@code weight} (unless already defined) and returns
     * whether the session schedules FAIR at all: under FIFO, pools and weights do nothing, and
     * concurrent sweeps share the slots in the order their segments were submitted.
     */
    public static synchronized boolean ensure(SparkContext sc, String name, int weight) {
        if (weight < 1) {
            throw new IllegalArgumentException("a pool's weight is a whole number >= 1, got " + weight);
        }
        Pool root = sc.taskScheduler().rootPool();
        if (root.schedulingMode() != SchedulingMode.FAIR()) {
            return false;
        }
        Schedulable existing = root.getSchedulableByName(name);
        if (existing == null) {
            // FAIR inside the pool too: a long segment never holds back the sweep's shorter ones
            root.addSchedulable(new Pool(name, SchedulingMode.FAIR(), 0, weight));
        }
        return true;
    }

    /** The weight pool {@code name} schedules with now, or 0 when there is no such pool. */
    public static int weightOf(SparkContext sc, String name) {
        Schedulable s = sc.taskScheduler().rootPool().getSchedulableByName(name);
        return s == null ? 0 : s.weight();
    }
}
