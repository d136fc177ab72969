package io.mutune.jobs.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mutune.connectors.journal.JournalRow;
import io.mutune.connectors.journal.JournalSchema;
import io.mutune.connectors.journal.TrialStatus;
import io.mutune.connectors.open.Tables;
import io.mutune.connectors.table.DeltaTables;
import io.mutune.hpo.tuner.TrialRequest;
import io.mutune.hpo.tuner.TunerEvent;
import io.mutune.jobs.cli.MutuneCli;
import io.mutune.jobs.session.MutuneSpark;
import io.mutune.jobs.spec.SweepSpec;
import io.mutune.jobs.spec.SweepSpecParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A killed driver's journal, as the version-1 driver wrote it (its notes, version 1's columns), is
 * replayed before and after the upgrade migrates it: the tuners come back the same, with the same
 * segments open and the same next asks, as from the rows this driver writes. Real sweeps on local
 * Spark and Delta with a trivial external trial: asynchronous Hyperband with replicates (brackets, promotions,
 * extra seeds of one trial over the same resources) and PBT (exploits that resume from another
 * trial's checkpoint).
 */
class VersionOneJournalReplayTest {
    private static final String MASTER = "local[2]";
    @TempDir
    Path dir;

    @Test
    void ashaInTwoBracketsWithReplicatesReplaysTheSameAfterTheMigration() throws Exception {
        List<JournalRow> cut = cutSweep("asha", """
                  algorithm: asha
                  options: {brackets: 2}
                  resource: {min: 1, max: 9, eta: 3}
                  trials_per_scale: 6
                  replicates: 2
                """);
        assertTrue(cut.stream().anyMatch(r -> r.bracket() > 0), "the cut must hold a bracket other than 0");
        assertTrue(cut.stream().anyMatch(r -> r.replicate() > 0), "the cut must hold replicates");
        assertTrue(cut.stream().anyMatch(r -> r.fromResource() > 0 && r.trialId().equals(r.resumeFrom())), "and promotions");
    }

    @Test
    void pbtReplaysTheSameAfterTheMigration() throws Exception {
        List<JournalRow> cut = cutSweep("pbt", """
                  algorithm: pbt
                  resource: {min: 2, max: 8}
                  trials_per_scale: 4
                """);
        assertTrue(cut.stream().anyMatch(r -> r.parentTrial() != null && r.parentTrial().equals(r.resumeFrom())
                && !r.parentTrial().equals(r.trialId())), "the cut must hold an exploit of another trial's checkpoint");
    }

    /**
     * Runs the sweep, cuts its journal where segments are open (what a killed driver leaves), and
     * checks the three replays agree; returns the cut rows as this driver wrote them.
     */
    private List<JournalRow> cutSweep(String name, String search) throws Exception {
        Path spec = spec(name, search);
        run("sweep", spec.toString(), "--sweep-id", name);
        SparkSession spark = MutuneSpark.getOrCreate(MASTER);
        List<JournalRow> full = Tables.journal(spark, "delta:" + dir.resolve("trials")).read(name);
        List<JournalRow> cut = full.subList(0, cut(full));

        String v1 = dir.resolve("v1-" + name).toString();
        VersionOneJournals.writeDelta(spark, v1, cut);
        // Before the upgrade opens it: the table as it is, as the version-1 driver read it back.
        List<JournalRow> before = spark.read().format("delta").load(v1).orderBy("seq").collectAsList().stream()
                .map(JournalSchema::fromRow).toList();
        assertFalse(before.get(0).hasRequestColumns());
        List<JournalRow> after = Tables.journal(spark, "delta:" + v1).read(name);
        assertEquals("2", DeltaTables.storedVersion(spark, v1, JournalSchema.VERSION_PROPERTY));

        SweepSpec parsed = SweepSpecParser.parse(spec);
        Replayed fromTheseRows = Replayed.of(parsed, cut);
        assertFalse(fromTheseRows.open().isEmpty());
        assertEquals(fromTheseRows, Replayed.of(parsed, before), "version 1's rows replay as this driver's");
        assertEquals(fromTheseRows, Replayed.of(parsed, after), "the migrated table replays as before");
        assertEquals(cut.stream().map(r -> VersionOneJournals.asWrittenByVersionOne(r).withRequest(r.bracket(), r.resumeFrom(), r.replicate()))
                .toList(), after, "row for row as version 1 wrote it, with the request columns its notes held");
        return cut;
    }

    /**
     * Where a killed driver leaves segments open: just after the first replicate started, or, in a
     * sweep without replicates, at the first row past the middle with a segment open.
     */
    private static int cut(List<JournalRow> rows) {
        int open = 0;
        for (int i = 0; i < rows.size(); i++) {
            JournalRow r = rows.get(i);
            if (r.status() == TrialStatus.RUNNING && r.replicate() > 0) {
                return i + 1;
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            JournalRow r = rows.get(i);
            open += r.status() == TrialStatus.RUNNING ? 1 : r.status().isTerminal() && r.status() != TrialStatus.STALE ? -1 : 0;
            if (i >= rows.size() / 2 && open > 0) {
                return i + 1;
            }
        }
        throw new AssertionError("no segment is open past the middle of " + rows);
    }

    /** What replaying a journal gives: each tuner's events, the open segments, and each tuner's next asks. */
    record Replayed(Map<String, List<TunerEvent>> events, List<OpenSegment> open, long nextSeq, Map<String, List<TrialRequest>> nextAsks) {
        static Replayed of(SweepSpec spec, List<JournalRow> rows) {
            JournalReplay replay = JournalReplay.of(rows, spec.search().metric());
            Map<String, List<TunerEvent>> events = new LinkedHashMap<>();
            Map<String, List<TrialRequest>> asks = new LinkedHashMap<>();
            List<Map<String, Double>> points = spec.scalePoints();
            for (int i = 0; i < points.size(); i++) {
                ScalePointTuner p = ScalePointTuner.create(spec, i, points.get(i));
                events.put(p.key(), replay.events(p.key()));
                p.tuner().replay(replay.events(p.key()));
                List<TrialRequest> next = new ArrayList<>();
                for (int k = 0; k < 6; k++) {
                    Optional<TrialRequest> a = p.tuner().ask();
                    a.ifPresent(next::add);
                }
                asks.put(p.key(), next);
            }
            return new Replayed(events, replay.open(), replay.nextSeq(), asks);
        }
    }

    private Path spec(String name, String search) throws Exception {
        Path script = dir.resolve("trial.sh");
        Files.writeString(script, "echo \"{\\\"val_loss\\\": $(awk -v lr=$MUTUNE_HP_LR 'BEGIN { x = log(lr / 0.01); print 1 + x * x }')}\"\n");
        Path file = dir.resolve(name + ".yaml");
        Files.writeString(file, """
                sweep: %s
                seed: 11
                proxy: {model: command, command: ["bash", "%s"], parametrization: mup}
                scales: {width: [64]}
                search:
                  space: {lr: {float: [1.0e-4, 1.0], log: true}}
                %s
                targets: [{width: 1024}]
                output:
                  trials: "delta:%s"
                  recommendations: "delta:%s"
                  checkpoints: "file:%s"
                """.formatted(name, script, search.stripTrailing(), dir.resolve("trials"), dir.resolve("recs"), dir.resolve("ckpt")));
        return file;
    }

    private static void run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--master", MASTER));
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int code = MutuneCli.run(all.toArray(String[]::new), print, print);
        assertEquals(0, code, out.toString(StandardCharsets.UTF_8));
    }
}
