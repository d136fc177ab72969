package io.mutune.jobs.exec;

/** What one registered executor offers: its cores and the number of GPU addresses it owns. */
public record ExecutorCapacity(int cores, int gpus) {
    public ExecutorCapacity {
        if (cores < 0 || gpus < 0) {
            throw new IllegalArgumentException("an executor has cores >= 0 and gpus >= 0, got " + cores + " and " + gpus);
        }
    }

    /**
     * How many trials this executor runs at once: cores / task.cpus, and with GPUs asked for, also
     * at most GPUs / gpus_per_trial (2 trials per GPU at 0.5).
     */
    public int slots(int taskCpus, double gpusPerTrial) {
        if (taskCpus < 1) {
            throw new IllegalArgumentException("spark.task.cpus must be >= 1, got " + taskCpus);
        }
        int byCores = cores / taskCpus;
        if (gpusPerTrial <= 0) {
            return byCores;
        }
        int byGpus = (int) Math.floor(gpus / gpusPerTrial + 1e-9);
        return Math.min(byCores, byGpus);
    }
}
