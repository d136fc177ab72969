package io.mutune.jobs.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mutune.connectors.journal.JournalRow;
import io.mutune.connectors.journal.TrialStatus;
import io.mutune.connectors.open.Tables;
import io.mutune.connectors.recommend.RecommendationRow;
import io.mutune.jobs.cli.ExitCodes;
import io.mutune.jobs.session.MutuneSpark;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trials that exit 1, hang past trial_timeout_s, print no JSON line, or diverge: the progress line
 * says why, and a scale point where every trial failed ends the sweep with the reasons grouped,
 * the journal rows to read, exit code 4, and nothing that is not a number published.
 */
class FailureReasonsTest {
    @TempDir
    Path dir;

    private static final String SCRIPT = """
            if [ "$MUTUNE_SCALE_WIDTH" = "128" ]; then
              echo "{\\"val_loss\\": $(awk -v lr=$MUTUNE_HP_LR 'BEGIN { x = log(lr / 0.01); print 1 + x * x }')}"; exit 0
            fi
            case "$MUTUNE_TRIAL_ID" in
              *-t0000) echo "loading data" >&2; echo "RuntimeError: shapes do not match" >&2; exit 1 ;;
              *-t0001) echo "stuck in a collective" >&2; sleep 600 ;;
              *-t0002) echo "training done, forgot to report" ;;
              *) echo '{"val_loss": NaN}' ;;
            esac
            """;

    @Test
    void eachFailureSaysWhyAndAPointWithoutResultsEndsTheSweepWithItsReasons() throws Exception {
        FaultSweep s = new FaultSweep(dir);
        FaultSweep.Result r = FaultSweep.cli("sweep", s.spec("why", SCRIPT, 5, "[64, 128]", "{trial_timeout_s: 2, max_retries: 0}").toString(),
                "--sweep-id", "why-1");
        assertEquals(ExitCodes.NO_RESULT, r.code(), r.out());
        // The reason follows the segment's duration ("at 0 in 0.1 s"), before the config.
        assertTrue(line(r, "w64-t0000").matches(".* failed    val_loss=- at 0 in \\S+ s  exit 1: RuntimeError: shapes do not match  \\{.*"), r.out());
        assertTrue(line(r, "w64-t0001").contains("timed out after 2 s"), r.out());
        assertTrue(line(r, "w64-t0002").contains("no JSON metric line in stdout"), r.out());
        assertTrue(line(r, "w64-t0003").matches(".* diverged  val_loss=NaN at 10 in \\S+ s  val_loss is NaN  \\{.*"), r.out());

        assertTrue(r.out().contains("1 of 2 scale points have no finite result; nothing was published from them:"), r.out());
        String grouped = r.lines("  w64: ").get(0);
        assertTrue(grouped.startsWith("  w64: 5 trials, none with a finite val_loss: 2 x diverged: val_loss is NaN; "), grouped);
        assertTrue(grouped.contains("1 x exit 1: RuntimeError: shapes do not match") && grouped.contains("1 x timed out after 2 s")
                && grouped.contains("1 x no JSON metric line in stdout"), grouped);
        List<JournalRow> rows = s.journal("why-1");
        List<Long> badSeqs = rows.stream().filter(x -> x.scaleKey().equals("w64") && x.status().isTerminal()).map(JournalRow::seq).toList();
        assertTrue(grouped.contains("scale_key = 'w64'") && grouped.contains(s.trials)
                && grouped.endsWith("(seq " + String.join(", ", badSeqs.stream().map(String::valueOf).toList()) + ")"), grouped);
        // The journal holds the same reasons, with the details after the first line.
        JournalRow exit1 = rows.stream().filter(x -> x.trialId().equals("w64-t0000") && x.status() == TrialStatus.FAILED).findFirst().orElseThrow();
        assertTrue(exit1.message().startsWith("exit 1: RuntimeError: shapes do not match\n") && exit1.message().contains("loading data"), exit1.message());

        // w128 had results: its recommendation is published, and it is a number.
        List<RecommendationRow> published = Tables.recommendations(MutuneSpark.getOrCreate(FaultSweep.MASTER), s.recommendations).current();
        assertEquals(1, published.size(), published.toString());
        assertTrue(Double.isFinite(published.get(0).value()) && Double.isFinite(published.get(0).lower()), published.toString());
    }

    @Test
    void aSweepWhoseEveryTrialDivergedPublishesNothingAndSaysSo() throws Exception {
        FaultSweep s = new FaultSweep(dir);
        FaultSweep.Result r = FaultSweep.cli("sweep", s.spec("nan", "echo '{\"val_loss\": NaN}'\n", 3, "[64]", "{}").toString(),
                "--sweep-id", "nan-1");
        assertEquals(ExitCodes.NO_RESULT, r.code(), r.out());
        assertTrue(r.out().contains("w64: 3 trials, none with a finite val_loss: 3 x diverged: val_loss is NaN"), r.out());
        assertTrue(r.out().contains("not published: lr at {width=1024.0} = NaN [NaN, NaN] is not a number"), r.out());
        assertTrue(r.out().contains("nothing was published\nexit code 4: a scale point has no finite result"), r.out());
        assertEquals(List.of(), Tables.recommendations(MutuneSpark.getOrCreate(FaultSweep.MASTER), s.recommendations).current());
        // A launcher asking for it is told there is nothing, not served NaN.
        FaultSweep.Result rec = FaultSweep.cli("recommend", "--table", s.recommendations, "--family", "command", "--width", "1024");
        assertEquals(ExitCodes.USER_ERROR, rec.code(), rec.out());
        assertTrue(rec.out().contains("has no recommendations for family 'command'"), rec.out());
    }

    /** The case: every trial exits 1, so no fit is possible; the end says why, not "no trials to recommend from". */
    @Test
    void aSweepWhoseEveryTrialFailedSaysWhyAndPublishesNothing() throws Exception {
        FaultSweep s = new FaultSweep(dir);
        String script = "echo 'loading shard 3' >&2\necho 'RuntimeError: CUDA error: out of memory' >&2\nexit 1\n";
        FaultSweep.Result r = FaultSweep.cli("sweep", s.spec("oom", script, 2, "[64, 128]", "{max_retries: 1}").toString(), "--sweep-id", "oom-1");
        assertEquals(ExitCodes.NO_RESULT, r.code(), r.out());
        assertTrue(line(r, "w64-t0000").contains("exit 1: RuntimeError: CUDA error: out of memory"), r.out());
        assertTrue(r.out().contains("2 of 2 scale points have no finite result; nothing was published from them:"), r.out());
        assertTrue(r.out().contains("  w128: 2 trials, none with a finite val_loss: 2 x exit 1: RuntimeError: CUDA error: out of memory; journal rows: "),
                r.out());
        assertTrue(r.out().contains("nothing was published\nexit code 4"), r.out());
        assertTrue(!r.out().contains("no trials to recommend from"), r.out());
        // Each trial failed twice (max_retries: 1), and the journal says so.
        assertEquals(4, s.journal("oom-1").stream().filter(x -> x.scaleKey().equals("w64") && x.status() == TrialStatus.FAILED).count());
        assertEquals(List.of(), Tables.recommendations(MutuneSpark.getOrCreate(FaultSweep.MASTER), s.recommendations).current());
    }

    private static String line(FaultSweep.Result r, String trial) {
        return r.out().lines().filter(l -> l.matches("\\[\\s*\\d+\\] " + trial + " .*")).findFirst()
                .orElseThrow(() -> new AssertionError("no progress line for " + trial + " in\n" + r.out()));
    }
}
