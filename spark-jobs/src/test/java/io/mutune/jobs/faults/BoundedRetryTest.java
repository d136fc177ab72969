package io.mutune.jobs.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.AccessDeniedException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which table faults are tried again, how often, and what the user is told. */
class BoundedRetryTest {

    @Test
    void aTransientFaultIsRetriedUntilItPassesAndEachRetryIsAnnounced() throws Exception {
        List<String> said = new ArrayList<>();
        int result = new BoundedRetry(10_000).run("the journal commit of 3 rows", attempt -> {
            if (attempt < 3) {
                throw new IllegalStateException("cannot connect", new SQLException("the database system is starting up", "57P03"));
            }
            return attempt;
        }, said::add);
        assertEquals(3, result);
        assertEquals(2, said.size(), said.toString());
        assertTrue(said.get(0).startsWith("the journal commit of 3 rows failed (a dropped database connection: cannot connect"), said.get(0));
        assertTrue(said.get(1).endsWith("try 3 in 1.0 s"), said.get(1));
    }

    @Test
    void aConcurrentCommitIsTransientAndAPermissionProblemIsNot() throws Exception {
        assertTrue(TransientFaults.isTransient(new RuntimeException(new ConcurrentModificationException("MetadataChangedException"))));
        AccessDeniedException denied = new AccessDeniedException("/lake/trials");
        List<Integer> attempts = new ArrayList<>();
        Exception e = assertThrows(AccessDeniedException.class, () -> new BoundedRetry(10_000).run("append", attempt -> {
            attempts.add(attempt);
            throw denied;
        }, line -> { }));
        assertSame(denied, e);
        assertEquals(List.of(1), attempts, "tried once");
    }

    @Test
    void aFaultThatOutlastsTheWindowSaysHowOftenAndHowLongItWasTried() {
        BoundedRetry.RetriesExhausted e = assertThrows(BoundedRetry.RetriesExhausted.class, () -> new BoundedRetry(1_200).run("the commit",
                attempt -> {
                    throw new SQLException("Connection refused", "08001");
                }, line -> { }));
        assertEquals(2, e.attempts(), e.getMessage());
        assertTrue(e.getMessage().startsWith("the commit failed 2 times over ") && e.getMessage().contains(" s (a dropped database connection; -Dmutune.io.retrySeconds"),
                e.getMessage());
    }
}
