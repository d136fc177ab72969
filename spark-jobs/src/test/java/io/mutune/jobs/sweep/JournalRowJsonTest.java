package io.mutune.jobs.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mutune.connectors.journal.JournalRow;
import io.mutune.connectors.journal.TrialStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JournalRowJsonTest {
    @Test
    void aRowSurvivesTheRoundTripIncludingNonFiniteMetrics() {
        JournalRow row = new JournalRow("s-1", 42, "w64-d2", 64.0, 2.0, null, null, "w64-d2-t0003", 3, "w64-d2-t0001",
                "{\"lr\":0.01}", 10, 30, 30, Map.of("val_loss", Double.NaN, "train_loss", 1.25), "[[30,{}]]",
                TrialStatus.DIVERGED, 2, "1", "0", "file:/c/x", -99L, "loss is NaN", Instant.ofEpochMilli(1000), Instant.ofEpochMilli(2000),
                2, "w64-d2-t0001", 0);
        JournalRow back = JournalRowJson.read(JournalRowJson.write(row));
        assertEquals(row.toString(), back.toString());
        assertTrue(Double.isNaN(back.metrics().get("val_loss")));
    }

    @Test
    void aLineThatIsNotARowIsRejectedWithWhatItWas() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JournalRowJson.read("{\"v\": 9}"));
        assertTrue(e.getMessage().contains("version 1 or 2"), e.getMessage());
    }

    @Test
    void aReplicatesRowKeepsItsReplicate() {
        JournalRow row = new JournalRow("s-1", 7, "w64", 64.0, null, null, null, "w64-t0003", 3, null, "{\"lr\":0.01}", 0, 30, 0,
                Map.of(), null, TrialStatus.RUNNING, 0, null, null, null, 77L, null, Instant.ofEpochMilli(1000), null, 0, null, 3);
        assertEquals(row, JournalRowJson.read(JournalRowJson.write(row)));
    }

    /** A line of the version-1 driver's log (verbatim, by that version's code): it reads, without the request columns. */
    @Test
    void aLineTheVersionOneDriverWroteStillReads() {
        JournalRow row = JournalRowJson.read("{\"v\":1,\"sweep_id\":\"s-1\",\"seq\":0,\"scale_key\":\"width=64\",\"width\":64.0,\"depth\":null,\"tokens\":null,\"batch\":null,\"trial_id\":\"w64-t0000\",\"number\":0,\"parent_trial\":null,\"config\":\"{\\\"lr\\\":0.01}\",\"from_resource\":0,\"target_resource\":9,\"resource\":0,\"metrics\":{},\"curve\":null,\"status\":\"running\",\"attempt\":0,\"executor\":null,\"gpu\":null,\"checkpoint\":null,\"seed\":202,\"message\":\"ask bracket=0 resume_from=- replicate=1\",\"started_at\":1000,\"finished_at\":null}");
        assertEquals(List.of("w64-t0000", 202L, "ask bracket=0 resume_from=- replicate=1"), List.of(row.trialId(), row.seed(), row.message()));
        assertFalse(row.hasRequestColumns());
    }
}
