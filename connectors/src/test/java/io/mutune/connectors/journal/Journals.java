package io.mutune.connectors.journal;

import java.time.Instant;
import java.util.Map;

/** Small journal rows for tests. */
public final class Journals {
    private Journals() { }

    /** A row as this mutune's driver writes it: the search's own run (replicate 0), no bracket, a fresh start. */
    public static JournalRow row(String sweep, long seq, TrialStatus status, double loss) {
        return new JournalRow(sweep, seq, "width=64", 64.0, null, 1.0e6, null, "t" + seq, (int) seq, null,
                "{\"lr\":0.01}", 0, 50, status.isTerminal() ? 50 : 0,
                status.isTerminal() ? Map.of("val_loss", loss) : Map.of(), "[[50,{\"val_loss\":" + (Double.isFinite(loss) ? loss : 0) + "}]]",
                status, 1, "exec-1", "0", "file:/tmp/ck/t" + seq, 17L, null,
                Instant.parse("2026-01-01T00:00:00Z"), status.isTerminal() ? Instant.parse("2026-01-01T00:01:00Z") : null, 0, null, 0);
    }
}
