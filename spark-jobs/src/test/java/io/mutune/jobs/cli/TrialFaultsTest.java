package io.mutune.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mutune.connectors.journal.JournalRow;
import io.mutune.connectors.journal.TrialStatus;
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
        CommandSweep sweep = new CommandSweep(dir);
        sweep.run("faults-1", """
                case "$MUTUNE_TRIAL_ID" in
                  *-t0000) echo "RuntimeError: shapes do not match" >&2; exit 1 ;;
                  *-t0001) echo "stuck in a collective" >&2; sleep 600 ;;
                  *-t0002) echo '{"val_loss": NaN}' ;;
                  *) echo '{"val_loss": 1.5}' ;;
                esac
                """, 4, "{max_retries: 1, trial_timeout_s: 2}", "local[2]");
        List<JournalRow> rows = sweep.journal("faults-1", "local[2]");
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
