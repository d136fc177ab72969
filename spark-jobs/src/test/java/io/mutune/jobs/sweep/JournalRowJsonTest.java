package io.mutune.jobs.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mutune.connectors.journal.JournalRow;
import io.mutune.connectors.journal.TrialStatus;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JournalRowJsonTest {
    @Test
    void aRowSurvivesTheRoundTripIncludingNonFiniteMetrics() {
        JournalRow row = new JournalRow("s-1", 42, "w64-d2", 64.0, 2.0, null, null, "w64-d2-t0003", 3, "w64-d2-t0001",
                "{\"lr\":0.01}", 10, 30, 30, Map.of("val_loss", Double.NaN, "train_loss", 1.25), "[[30,{}]]",
                TrialStatus.DIVERGED, 2, "1", "0", "file:/c/x", -99L, "loss is NaN", Instant.ofEpochMilli(1000), Instant.ofEpochMilli(2000));
        JournalRow back = JournalRowJson.read(JournalRowJson.write(row));
        assertEquals(row.toString(), back.toString());
        assertTrue(Double.isNaN(back.metrics().get("val_loss")));
    }

    @Test
    void aLineThatIsNotARowIsRejectedWithWhatItWas() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JournalRowJson.read("{\"v\": 9}"));
        assertTrue(e.getMessage().contains("version 1"), e.getMessage());
    }
}
