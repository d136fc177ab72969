package io.mutune.jobs.faults;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.ConcurrentModificationException;
import java.util.Optional;

/**
 * Which failures of a table write are worth trying again: another writer's commit won the race
 * (Delta's concurrent-modification conflicts, Iceberg's commit failure), or the connection to the
 * server dropped or could not be made (a database restarting, a network blip). Anything else (no
 * permission, a full disk, a foreign table) fails the same way every time and is not retried.
 */
public final class TransientFaults {
    private TransientFaults() { }

    /** What kind of transient fault {@code e} is, in words for the console, or empty when it is not one. */
    public static Optional<String> kind(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConcurrentModificationException || t.getClass().getSimpleName().equals("CommitFailedException")) {
                return Optional.of("a concurrent commit to the table");
            }
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof SQLException sql && transientState(sql.getSQLState())) {
                return Optional.of("a dropped database connection");
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException || t instanceof SocketTimeoutException) {
                return Optional.of("an unreachable server");
            }
        }
        return Optional.empty();
    }

    public static boolean isTransient(Throwable e) {
        return kind(e).isPresent();
    }

    /**
     * SQLSTATE classes that say nothing about the statement: 08 connection exception, 57P01-57P03
     * (PostgreSQL shutting down or starting up), 53300 too many connections, 40001 serialization
     * failure and 40P01 deadlock (the transaction was rolled back and may simply be run again).
     */
    static boolean transientState(String state) {
        if (state == null) {
            return false;
        }
        return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")
                || state.equals("53300") || state.equals("40001") || state.equals("40P01");
    }
}
