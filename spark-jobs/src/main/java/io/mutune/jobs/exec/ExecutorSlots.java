package io.mutune.jobs.exec;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.SparkConf;
import org.apache.spark.resource.ResourceInformation;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorAdded;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;

/**
 * Tracks the executors actually registered, with their cores and GPUs, so the driver can size its
 * in-flight window from the cluster as it is now (executors come and go) rather than from
 * {@code defaultParallelism}. Registered through {@code spark.extraListeners} so it sees the
 * executors that register before the sweep starts; one SparkContext per JVM, so one instance.
 */
public final class ExecutorSlots extends SparkListener {
    private static volatile ExecutorSlots current;
    private final Map<String, ExecutorCapacity> executors = new ConcurrentHashMap<>();

    /** Spark calls this constructor for {@code spark.extraListeners}. */
    public ExecutorSlots(SparkConf conf) {
        current = this;
    }

    /** The listener of this JVM's SparkContext, or null when it was not registered. */
    public static ExecutorSlots current() {
        return current;
    }

    @Override
    public void onExecutorAdded(SparkListenerExecutorAdded added) {
        ResourceInformation gpu = added.executorInfo().resourcesInfo().get("gpu").getOrElse(() -> null);
        executors.put(added.executorId(), new ExecutorCapacity(added.executorInfo().totalCores(), gpu == null ? 0 : gpu.addresses().length));
    }

    @Override
    public void onExecutorRemoved(SparkListenerExecutorRemoved removed) {
        executors.remove(removed.executorId());
    }

    /** The executors registered now (a snapshot). */
    public Map<String, ExecutorCapacity> executors() {
        return Map.copyOf(executors);
    }
}
