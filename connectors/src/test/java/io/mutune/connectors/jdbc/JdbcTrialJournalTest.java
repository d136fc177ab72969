package io.mutune.connectors.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mutune.connectors.journal.Journals;
import io.mutune.connectors.journal.TrialJournal;
import io.mutune.connectors.journal.TrialJournalContract;
import io.mutune.connectors.journal.TrialStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class JdbcTrialJournalTest extends TrialJournalContract {
    private static final PostgresServer PG = PostgresServer.get();

    @Override
    protected TrialJournal newJournal() {
        return new JdbcTrialJournal(PG.newTable("trials"), PG.password());
    }

    /** A batch whose second row repeats a (sweep, seq) already journaled is refused whole. */
    @Test
    void aBatchThatFailsHalfWayLeavesNothing() {
        TrialJournal j = newJournal();
        j.append(List.of(Journals.row("s1", 1, TrialStatus.RUNNING, 0)));
        assertThrows(IllegalStateException.class, () -> j.append(List.of(
                Journals.row("s1", 2, TrialStatus.COMPLETED, 0.3), Journals.row("s1", 1, TrialStatus.COMPLETED, 0.3))));
        assertEquals(1, j.read("s1").size());
    }

    @Test
    void aRecommendationsTableIsNotOpenedAsAJournal() {
        JdbcTarget t = PG.newTable("kind");
        new JdbcRecommendationTable(t, PG.password()).createIfAbsent();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new JdbcTrialJournal(t, PG.password()));
        assertEquals(true, e.getMessage().contains("not a trials table"), e.getMessage());
    }
}
