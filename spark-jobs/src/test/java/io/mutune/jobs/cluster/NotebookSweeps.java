package io.mutune.jobs.cluster;

import io.mutune.jobs.api.Mutune;
import io.mutune.jobs.session.MutuneSpark;
import io.mutune.jobs.spec.SweepSpec;
import io.mutune.jobs.sweep.SpecRunners;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * What a notebook does to run two sweeps at once: two {@code Mutune.sweep} calls (or, after its
 * kernel died, two {@code Mutune.resume} calls) from two threads on one session. A driver JVM of
 * its own, so that a test can kill it.
 *
 * <p>Arguments: {@code sweep|resume SPEC_A ID_A SPEC_B ID_B --master URL}.
 */
public final class NotebookSweeps {
    private NotebookSweeps() { }

    public static void main(String[] args) throws Exception {
        SparkSession spark = MutuneSpark.getOrCreate(args[6]);
        boolean resume = args[0].equals("resume");
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 1; i < 5; i += 2) {
            SweepSpec spec = Mutune.spec(Path.of(args[i]));
            String id = args[i + 1];
            Thread t = new Thread(() -> {
                try {
                    if (resume) {
                        Mutune.resume(spark, spec, id, SpecRunners.forSpec(spec), System.out);
                    } else {
                        Mutune.sweep(spark, spec, id, SpecRunners.forSpec(spec), System.out);
                    }
                    System.out.println("notebook: sweep " + id + " done");
                } catch (Throwable e) {
                    failures.add(e);
                    e.printStackTrace();
                }
            }, "notebook-" + id);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        spark.stop();
        System.exit(failures.isEmpty() ? 0 : 1);
    }
}
