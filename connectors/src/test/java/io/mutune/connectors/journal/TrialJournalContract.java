package io.mutune.connectors.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What every engine's trial journal must do; each engine's test class extends this. */
public abstract class TrialJournalContract {

    protected abstract TrialJournal newJournal();

    @Test
    void appendedRowsReadBackInSeqOrderPerSweep() {
        TrialJournal j = newJournal();
        assertEquals(List.of(), j.read("s1"));
        JournalRow running = Journals.row("s1", 1, TrialStatus.RUNNING, 0);
        JournalRow done = Journals.row("s1", 2, TrialStatus.COMPLETED, 0.25);
        JournalRow diverged = Journals.row("s1", 3, TrialStatus.DIVERGED, Double.NaN);
        j.append(List.of(done, running));
        j.append(List.of(diverged, Journals.row("other", 1, TrialStatus.COMPLETED, 0.5)));
        List<JournalRow> back = j.read("s1");
        assertEquals(List.of(running, done), back.subList(0, 2));
        assertTrue(Double.isNaN(back.get(2).metrics().get("val_loss")), "a diverged loss stays NaN: " + back.get(2).metrics());
        assertEquals(1, j.read("other").size());
    }
}
