package io.mutune.jobs.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mutune.connectors.open.Tables;
import io.mutune.jobs.session.MutuneSpark;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second writer commits to the sweep's Delta journal while the sweep runs: two threads change the
 * table's properties over and over (as a maintenance job or a person with {@code ALTER TABLE}
 * would), so the sweep's appends lose Delta's optimistic race (MetadataChangedException), until
 * the sweep has said it retries; then the other writer is done. The append is retried, the summary
 * says how often, and no row is lost.
 */
class ConcurrentJournalWriterTest {
    private static final int TRIALS = 8;
    private static final String RETRYING = "failed (a concurrent commit to the table: ";
    @TempDir
    Path dir;

    @Test
    void conflictingCommitsAreRetriedAndNoRowIsLost() throws Exception {
        FaultSweep s = new FaultSweep(dir);
        Path spec = s.spec("busy", FaultSweep.sleepingTrial(0.5), TRIALS, "[64]", "{}");
        SparkSession spark = MutuneSpark.getOrCreate(FaultSweep.MASTER);
        String table = "delta.`" + s.trials.substring("delta:".length()) + "`";
        // The journal exists before the sweep starts, so the other writer is already committing when the first append comes.
        Tables.journal(spark, s.trials).createIfAbsent();
        AtomicBoolean done = new AtomicBoolean();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        AtomicInteger commits = new AtomicInteger();
        List<Thread> others = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Thread other = new Thread(() -> {
                SparkSession session = spark.newSession();
                while (!done.get() && !console.toString(StandardCharsets.UTF_8).contains(RETRYING)) {
                    try {
                        session.sql("ALTER TABLE " + table + " SET TBLPROPERTIES ('other.writer' = '" + commits.incrementAndGet() + "')");
                    } catch (RuntimeException e) {
                        // The other writers lose races among themselves too: they just go on.
                    }
                }
            }, "second-writer-" + i);
            other.setDaemon(true);
            other.start();
            others.add(other);
        }
        while (commits.get() < 2) {
            Thread.sleep(50);
        }
        FaultSweep.Result r;
        try {
            r = FaultSweep.cli(console, "sweep", spec.toString(), "--sweep-id", "busy-1");
        } finally {
            done.set(true);
            for (Thread t : others) {
                t.join(30_000);
            }
        }
        assertEquals(0, r.code(), r.out());
        FaultSweep.assertEveryTrialOnce(s.journal("busy-1"), TRIALS);
        Matcher m = Pattern.compile("\\((\\d+) commits, (\\d+) retried after transient faults\\)").matcher(r.out());
        assertTrue(m.find(), "the sweep lost no race in " + commits.get() + " commits of the other writer, or did not say so:\n" + r.out());
        assertTrue(r.out().contains(RETRYING), r.out());
        assertTrue(commits.get() > 10, "the other writer committed " + commits.get() + " times");
    }
}
