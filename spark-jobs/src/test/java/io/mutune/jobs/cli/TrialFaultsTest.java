package io.mutune.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mutune.connectors.journal.JournalRow;
import io.mutune.connectors.journal.TrialStatus;
import io.mutune.connectors.open.Tables;
import io.mutune.jobs.session.MutuneSpark;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A trial that throws, one that hangs and one that diverges: each is recorded, retried as the spec says, and the sweep goes on. */
class TrialFaultsTest {
    @TempDir
    Path dir;

    @Test
    void failedHungAndDivergedTrialsAreRecordedAndTheSweepGoesOn() throws Exception {
        Path script = dir.resolve("trial.sh");
        Files.writeString(script, """
                case "$MUTUNE_TRIAL_ID" in
                  *-t0000) echo "RuntimeError: shapes do not match" >&2; exit 1 ;;
                  *-t0001) echo "stuck in a collective" >&2; sleep 600 ;;
                  *-t0002) echo '{"val_loss": NaN}' ;;
                  *) echo '{"val_loss": 1.5}' ;;
                esac
                """);
        Path spec = dir.resolve("faults.yaml");
        Files.writeString(spec, """
                sweep: faults
                seed: 2
                proxy: {model: command, command: ["bash", "%s"]}
                scales: {width: [64]}
                search:
                  space: {lr: {float: [1.0e-4, 1.0], log: true}}
                  resource: {max: 10}
                  trials_per_scale: 4
                resources: {max_retries: 1, trial_timeout_s: 2}
                targets: [{width: 1024}]
                output: {trials: "delta:%s", recommendations: "delta:%s", checkpoints: "file:%s"}
                """.formatted(script, dir.resolve("trials"), dir.resolve("recs"), dir.resolve("ckpt")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = MutuneCli.run(new String[] {"sweep", spec.toString(), "--sweep-id", "faults-1", "--master", "local[2]"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
        assertEquals(0, code, out.toString(StandardCharsets.UTF_8));

        List<JournalRow> rows = Tables.journal(MutuneSpark.getOrCreate("local[2]"), "delta:" + dir.resolve("trials")).read("faults-1");
        Map<String, List<JournalRow>> ends = rows.stream().filter(r -> r.status().isTerminal())
                .collect(Collectors.groupingBy(JournalRow::trialId));
        // Thrown: failed, retried once (max_retries: 1), then failed for good, with the stderr tail.
        assertEquals(List.of(TrialStatus.FAILED, TrialStatus.FAILED), ends.get("w64-t0000").stream().map(JournalRow::status).toList());
        assertEquals(List.of(0, 1), ends.get("w64-t0000").stream().map(JournalRow::attempt).toList());
        assertTrue(ends.get("w64-t0000").get(1).message().contains("shapes do not match"), ends.get("w64-t0000").toString());
        // Hung: killed at trial_timeout_s, failed with its stderr tail, retried once.
        assertEquals(2, ends.get("w64-t0001").size());
        assertTrue(ends.get("w64-t0001").stream().allMatch(r -> r.status() == TrialStatus.FAILED
                && r.message().contains("trial_timeout_s = 2") && r.message().contains("stuck in a collective")), ends.get("w64-t0001").toString());
        // Diverged: a result, not retried.
        assertEquals(List.of(TrialStatus.DIVERGED), ends.get("w64-t0002").stream().map(JournalRow::status).toList());
        assertEquals(List.of(TrialStatus.COMPLETED), ends.get("w64-t0003").stream().map(JournalRow::status).toList());
    }
}
