package io.mutune.jobs.sweep;

import io.mutune.connectors.journal.JournalRow;
import java.util.List;

/**
 * Where the driver's rows go: the write-ahead log (durable on {@link #makeDurable}) and the journal
 * table (batched, in the background). Without a log, durability means waiting for the table commit.
 * Every row is handed to both even when one of them fails, so the other still has it when the sweep
 * stops.
 */
final class JournalSink {
    private final JournalWriter writer;
    private final WriteAheadLog wal;

    JournalSink(JournalWriter writer, WriteAheadLog wal) {
        this.writer = writer;
        this.wal = wal;
    }

    void write(List<JournalRow> rows) {
        rows.forEach(writer::write);
        if (wal != null) {
            wal.append(rows);
        }
    }

    /** Returns once every row written so far survives the driver being killed. */
    void makeDurable() {
        if (wal != null) {
            wal.flush();
        } else {
            writer.flush();
        }
    }

    /** Waits until the journal table holds every row. */
    void commitAll() {
        if (wal != null) {
            wal.flush();
        }
        writer.flush();
    }
}
