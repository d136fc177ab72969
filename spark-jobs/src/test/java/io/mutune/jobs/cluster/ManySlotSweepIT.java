package io.mutune.jobs.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mutune.connectors.journal.JournalRow;
import io.mutune.connectors.journal.TrialStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The many-slot run at CI size (bench/spark-sweep.sh scale is the full one): a Master and two
 * Workers of 16 one-GPU slots each (32 in all, beyond this machine's cores: the trials sleep), an
 * ASHA sweep of about 500 segments of 1-4 s through the external-command runner.
 */
class ManySlotSweepIT {
    @TempDir
    static Path dir;
    static StandaloneCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        // a 17th core per Worker takes the journal's commits beside the 16 GPU slots
        cluster = StandaloneCluster.start(dir.resolve("cluster"), 2, 17, 16);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void everySegmentOfAnAshaSweepOn32SlotsEndsExactlyOnceAndTheDriverReportsUtilisation() throws Exception {
        Path spec = ScaleSpecs.write(dir, "asha", cluster.script("sleep-trial.sh"), "asha", 162, 27);
        Path log = dir.resolve("asha.log");
        JournalChecks.runToEnd(cluster, log, List.of("sweep", spec.toString(), "--sweep-id", "asha-500"), 600);
        List<JournalRow> rows = JournalChecks.read(dir, "asha-500");
        int trials = JournalChecks.everySegmentEndedOnce(rows);
        assertEquals(2 * 162, trials, "every planned trial ran");
        List<JournalRow> ended = rows.stream().filter(r -> r.status() == TrialStatus.COMPLETED).toList();
        assertTrue(ended.size() >= 450, "about 500 segments: " + ended.size());
        assertTrue(ended.stream().anyMatch(r -> r.resource() == 27), "ASHA promoted trials to the top rung");
        assertTrue(ended.stream().map(r -> r.executor() + "/" + r.gpu()).distinct().count() > 16, "the sweep used both Workers' slots");

        // The driver's utilisation line agrees with the journal's own timestamps.
        Matcher m = Pattern.compile("slots: utilisation ([0-9.]+)% of (\\d+) slots").matcher(Files.readString(log));
        assertTrue(m.find(), "the summary reports utilisation:\n" + Files.readString(log));
        assertEquals(32, Integer.parseInt(m.group(2)));
        double reported = Double.parseDouble(m.group(1)) / 100;
        assertEquals(journalUtilisation(rows, 32), reported, 0.03, "utilisation in the summary against the journal's");
        assertTrue(reported > 0 && reported <= 1, "utilisation " + reported);
    }

    /** Busy slot time over slots x (first ask to last end), from the rows alone. */
    private static double journalUtilisation(List<JournalRow> rows, int slots) {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        double busy = 0;
        for (JournalRow r : rows) {
            if (r.status() == TrialStatus.RUNNING) {
                first = Math.min(first, r.startedAt().toEpochMilli());
            } else if (r.status() == TrialStatus.COMPLETED) {
                last = Math.max(last, r.finishedAt().toEpochMilli());
                busy += r.finishedAt().toEpochMilli() - r.startedAt().toEpochMilli();
            }
        }
        return busy / (slots * (double) (last - first));
    }
}
