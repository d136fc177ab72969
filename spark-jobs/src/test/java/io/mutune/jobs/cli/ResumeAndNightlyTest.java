package io.mutune.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mutune.connectors.journal.JournalRow;
import io.mutune.connectors.journal.TrialJournal;
import io.mutune.connectors.journal.TrialStatus;
import io.mutune.connectors.open.Tables;
import io.mutune.jobs.session.MutuneSpark;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resume and nightly runs on local Spark, with a trivial external trial so that only the driver is under test. */
class ResumeAndNightlyTest {
    @TempDir
    Path dir;
    Path script;

    @BeforeEach
    void writeScript() throws Exception {
        script = dir.resolve("trial.sh");
        Files.writeString(script, "echo \"{\\\"val_loss\\\": $(awk -v lr=$MUTUNE_HP_LR 'BEGIN { x = log(lr / 0.01); print 1 + x * x }')}\"\n");
    }

    private Path spec(String name, int trialsPerScale) throws Exception {
        return spec(name, trialsPerScale, "");
    }

    private Path spec(String name, int trialsPerScale, String searchExtra) throws Exception {
        Path file = dir.resolve(name + "-" + trialsPerScale + ".yaml");
        Files.writeString(file, """
                sweep: %s
                seed: 5
                proxy: {model: command, command: ["bash", "%s"], parametrization: mup}
                scales: {width: [64, 128]}
                search:
                  space: {lr: {float: [1.0e-4, 1.0], log: true}}
                  resource: {max: 10}
                  trials_per_scale: %d
                %s
                targets: [{width: 1024}]
                output:
                  trials: "delta:%s"
                  recommendations: "delta:%s"
                  checkpoints: "file:%s"
                """.formatted(name, script, trialsPerScale, searchExtra, dir.resolve("trials"), dir.resolve("recs"), dir.resolve("ckpt")));
        return file;
    }

    @Test
    void aSweepCutShortIsResumedToTheTrialsOfAnUninterruptedRun() throws Exception {
        Path spec = spec("cut", 4);
        run("sweep", spec.toString(), "--sweep-id", "reference");
        TrialJournal journal = journal();
        List<JournalRow> reference = journal.read("reference");
        // What a driver killed mid-sweep leaves: a prefix of the journal, with trials started and not ended.
        List<JournalRow> prefix = reference.stream().filter(r -> r.seq() < 9)
                .map(r -> withSweep(r, "cut-1")).toList();
        journal.append(prefix);
        long openBefore = prefix.stream().filter(r -> r.status() == TrialStatus.RUNNING).count()
                - prefix.stream().filter(r -> r.status().isTerminal()).count();
        assertTrue(openBefore > 0, "the prefix must leave running trials: " + prefix);

        String out = run("sweep", spec.toString(), "--sweep-id", "cut-1");
        assertTrue(out.contains("resumed from 9 journal rows"), out);
        List<JournalRow> resumed = journal.read("cut-1");
        assertEquals(ended(reference), ended(resumed));
        assertEquals(openBefore, resumed.stream().filter(r -> r.status() == TrialStatus.STALE).count());
        for (JournalRow stale : resumed.stream().filter(r -> r.status() == TrialStatus.STALE).toList()) {
            assertTrue(resumed.stream().anyMatch(r -> r.trialId().equals(stale.trialId()) && r.status() == TrialStatus.RUNNING
                    && r.attempt() == stale.attempt() + 1 && r.seq() > stale.seq()), "re-run as the next attempt: " + stale);
        }
    }

    @Test
    void replicatesAndConfirmationRunsSurviveAKilledDriverNoneLostNoneRunTwice() throws Exception {
        Path spec = spec("reps", 3, "  replicates: 2\n  confirm: {top_k: 2, seeds: 2}");
        run("sweep", spec.toString(), "--sweep-id", "reps-reference");
        TrialJournal journal = journal();
        List<JournalRow> reference = journal.read("reps-reference");
        Map<String, String> referenceRuns = endedRuns(reference);
        // 2 scale points x (3 trials x 2 replicates + 2 confirmed x 2 fresh seeds)
        assertEquals(20, referenceRuns.size(), referenceRuns.toString());
        // Cut the journal while confirmation runs are out: a killed driver's prefix
        long firstConfirm = reference.stream().filter(r -> r.status() == TrialStatus.RUNNING && r.replicate() >= 2)
                .mapToLong(JournalRow::seq).min().orElseThrow();
        List<JournalRow> prefix = reference.stream().filter(r -> r.seq() <= firstConfirm + 1).map(r -> withSweep(r, "reps-cut")).toList();
        journal.append(prefix);
        assertTrue(prefix.stream().filter(r -> r.status() == TrialStatus.RUNNING).count()
                > prefix.stream().filter(r -> r.status().isTerminal()).count(), "the prefix must leave runs open");

        run("sweep", spec.toString(), "--sweep-id", "reps-cut");
        assertEquals(referenceRuns, endedRuns(journal.read("reps-cut")));
    }

    @Test
    void theSameNightsJobResumesAnUnfinishedSweepAndLeavesAFinishedOneAlone() throws Exception {
        String tonight = "nightly-" + LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.BASIC_ISO_DATE);
        run("sweep", spec("nightly", 2).toString(), "--nightly");
        TrialJournal journal = journal();
        assertEquals(4, ended(journal.read(tonight)).size());
        long publishes = recommendationVersion();

        // Run again with more trials planned: it resumes the same sweep and adds only the new ones.
        run("sweep", spec("nightly", 3).toString(), "--nightly");
        Map<String, String> after = ended(journal.read(tonight));
        assertEquals(6, after.size(), after.toString());
        assertEquals(publishes + 1, recommendationVersion());

        // Once finished and published, the same night's job does nothing: no row, no publish.
        int rows = journal.read(tonight).size();
        String out = run("sweep", spec("nightly", 3).toString(), "--nightly");
        assertTrue(out.contains("nothing to do"), out);
        assertEquals(rows, journal.read(tonight).size());
        assertEquals(publishes + 1, recommendationVersion());
    }

    @Test
    void resumeAloneFindsTheSweepLastStartedFromTheSpec() throws Exception {
        Path spec = spec("latest", 1);
        run("sweep", spec.toString(), "--sweep-id", "latest-a");
        String out = run("sweep", spec.toString(), "--resume");
        assertTrue(out.contains("mutune sweep latest-a: already finished and published"), out);
    }

    private TrialJournal journal() {
        return Tables.journal(MutuneSpark.getOrCreate("local[2]"), "delta:" + dir.resolve("trials"));
    }

    private long recommendationVersion() {
        return Tables.recommendations(MutuneSpark.getOrCreate("local[2]"), "delta:" + dir.resolve("recs")).current().stream()
                .mapToLong(r -> r.version()).max().orElse(0);
    }

    /** Trial id -> config of each ended trial; fails if one ended twice. */
    private static Map<String, String> ended(List<JournalRow> rows) {
        Map<String, String> m = new TreeMap<>();
        for (JournalRow r : rows) {
            if (r.status().isTerminal() && r.status() != TrialStatus.STALE) {
                assertEquals(null, m.put(r.trialId(), r.configJson()), "trial " + r.trialId() + " ended twice");
            }
        }
        return m;
    }

    /** Trial id and seed (one per replicate) -> config of each ended run; fails if one ended twice. */
    private static Map<String, String> endedRuns(List<JournalRow> rows) {
        Map<String, String> m = new TreeMap<>();
        for (JournalRow r : rows) {
            if (r.status().isTerminal() && r.status() != TrialStatus.STALE) {
                assertEquals(null, m.put(r.trialId() + "#" + r.seed(), r.configJson()), "run " + r.trialId() + " seed " + r.seed() + " ended twice");
            }
        }
        return m;
    }

    private static JournalRow withSweep(JournalRow r, String sweepId) {
        return new JournalRow(sweepId, r.seq(), r.scaleKey(), r.width(), r.depth(), r.tokens(), r.batch(), r.trialId(), r.number(),
                r.parentTrial(), r.configJson(), r.fromResource(), r.targetResource(), r.resource(), r.metrics(), r.curveJson(),
                r.status(), r.attempt(), r.executor(), r.gpu(), r.checkpoint(), r.seed(), r.message(), r.startedAt(), r.finishedAt(),
                r.bracket(), r.resumeFrom(), r.replicate());
    }

    private static String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of("--master", "local[2]"));
        int code = MutuneCli.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, text);
        return text;
    }
}
