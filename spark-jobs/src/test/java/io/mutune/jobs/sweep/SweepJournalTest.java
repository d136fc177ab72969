package io.mutune.jobs.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mutune.connectors.journal.JournalRow;
import io.mutune.connectors.journal.TrialJournal;
import io.mutune.connectors.journal.TrialStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepJournalTest {
    @TempDir
    Path dir;

    /** A journal table in memory: what was appended, in order. */
    static final class ListJournal implements TrialJournal {
        final List<JournalRow> rows = new ArrayList<>();
        int appends;

        @Override
        public void createIfAbsent() {
            // A list needs no creating.
        }

        @Override
        public void append(List<JournalRow> batch) {
            rows.addAll(batch);
            appends++;
        }

        @Override
        public List<JournalRow> read(String sweepId) {
            return rows.stream().filter(r -> r.sweepId().equals(sweepId)).toList();
        }

        @Override
        public String location() {
            return "memory";
        }
    }

    private static JournalRow row(long seq, TrialStatus status) {
        return new JournalRow("s-1", seq, "w64", 64.0, null, null, null, "w64-t000" + seq, (int) seq, null, "{\"lr\":0.1}",
                0, 10, 0, Map.of(), null, status, 0, null, null, null, 1, null, Instant.EPOCH, null);
    }

    @Test
    void rowsOnlyTheWriteAheadLogHoldsAreCommittedBeforeTheResume() {
        SweepFiles files = new SweepFiles("file:" + dir, "s-1", new Configuration());
        try (WriteAheadLog wal = WriteAheadLog.open(files)) {
            wal.append(List.of(row(0, TrialStatus.RUNNING), row(1, TrialStatus.RUNNING), row(2, TrialStatus.RUNNING)));
            wal.flush();
        }
        ListJournal journal = new ListJournal();
        journal.append(List.of(row(0, TrialStatus.RUNNING)));

        List<JournalRow> all = SweepJournal.recover(journal, files, "s-1");
        assertEquals(List.of(0L, 1L, 2L), all.stream().map(JournalRow::seq).toList());
        assertEquals(List.of(0L, 1L, 2L), journal.rows.stream().map(JournalRow::seq).toList());
        assertEquals(2, journal.appends);
        // A second recovery finds nothing new to commit.
        SweepJournal.recover(journal, files, "s-1");
        assertEquals(3, journal.rows.size());
    }

    @Test
    void aLineTornByAKillIsSkipped() throws Exception {
        SweepFiles files = new SweepFiles("file:" + dir, "s-1", new Configuration());
        try (WriteAheadLog wal = WriteAheadLog.open(files)) {
            wal.append(List.of(row(0, TrialStatus.RUNNING)));
        }
        Path walDir = dir.resolve("s-1/_wal");
        try (var files2 = Files.list(walDir)) {
            Path log = files2.filter(p -> p.toString().endsWith(".jsonl")).findFirst().orElseThrow();
            Files.writeString(log, Files.readString(log) + "{\"v\":1,\"sweep_id\":\"s-1\",\"seq\":1,\"sta");
        }
        assertEquals(1, WriteAheadLog.readAll(files).size());
    }

    @Test
    void theLogIsFlushedToTheFileBeforeItIsClosed() throws Exception {
        SweepFiles files = new SweepFiles("file:" + dir, "s-1", new Configuration());
        WriteAheadLog wal = WriteAheadLog.open(files);
        wal.append(List.of(row(0, TrialStatus.RUNNING)));
        wal.flush();
        // Read while the writer is still open, as a resumed driver reads a killed one's log.
        assertEquals(1, WriteAheadLog.readAll(files).size());
        wal.close();
    }
}
