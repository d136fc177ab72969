package io.mutune.jobs.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mutune.connectors.journal.JournalRow;
import io.mutune.connectors.journal.TrialJournal;
import io.mutune.connectors.journal.TrialStatus;
import io.mutune.hpo.tuner.TrialRequest;
import io.mutune.hpo.tuner.TunerEvent;
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

    /**
     * Lines as the version-1 driver wrote them (by that version's JournalRowJson, verbatim): a
     * replicate's segment that ended, and a bracket-2 segment left running. After the upgrade they
     * are committed with bracket, resume_from and replicate from their notes, and replay to the same
     * requests.
     */
    @Test
    void aLogTheVersionOneDriverWroteReplaysAfterTheUpgrade() throws Exception {
        SweepFiles files = new SweepFiles("file:" + dir, "s-1", new Configuration());
        Path walDir = Files.createDirectories(dir.resolve("s-1/_wal"));
        Files.writeString(walDir.resolve("0000000001000-v1.jsonl"), String.join("\n", VERSION_ONE_LINES) + "\n");
        ListJournal journal = new ListJournal();

        List<JournalRow> all = SweepJournal.recover(journal, files, "s-1");
        assertEquals(List.of(List.of(0, 1), List.of(0, 1), List.of(2, 0)),
                journal.rows.stream().map(r -> List.of(r.bracket(), r.replicate())).toList(), "committed with the notes' values");
        JournalReplay replay = JournalReplay.of(all, "val_loss");
        List<TunerEvent> events = replay.events("width=64");
        assertEquals(List.of(TunerEvent.Kind.ASK, TunerEvent.Kind.TELL, TunerEvent.Kind.ASK), events.stream().map(TunerEvent::kind).toList());
        assertEquals(List.of(1, 1, 0), events.stream().map(TunerEvent::replicate).toList());
        assertEquals(1.25, events.get(1).metric());
        assertEquals(2, events.get(2).bracket());
        TrialRequest open = replay.open().get(0).request();
        assertEquals(List.of("w64-t0001", 2, 0), List.of(open.trialId(), open.bracket(), open.replicate()));
        assertEquals(3, replay.nextSeq());
    }

    /** Three rows as the version-1 driver logged them. */
    private static final List<String> VERSION_ONE_LINES = List.of(
            "{\"v\":1,\"sweep_id\":\"s-1\",\"seq\":0,\"scale_key\":\"width=64\",\"width\":64.0,\"depth\":null,\"tokens\":null,\"batch\":null,\"trial_id\":\"w64-t0000\",\"number\":0,\"parent_trial\":null,\"config\":\"{\\\"lr\\\":0.01}\",\"from_resource\":0,\"target_resource\":9,\"resource\":0,\"metrics\":{},\"curve\":null,\"status\":\"running\",\"attempt\":0,\"executor\":null,\"gpu\":null,\"checkpoint\":null,\"seed\":202,\"message\":\"ask bracket=0 resume_from=- replicate=1\",\"started_at\":1000,\"finished_at\":null}",
            "{\"v\":1,\"sweep_id\":\"s-1\",\"seq\":1,\"scale_key\":\"width=64\",\"width\":64.0,\"depth\":null,\"tokens\":null,\"batch\":null,\"trial_id\":\"w64-t0000\",\"number\":0,\"parent_trial\":null,\"config\":\"{\\\"lr\\\":0.01}\",\"from_resource\":0,\"target_resource\":9,\"resource\":9,\"metrics\":{\"val_loss\":1.25},\"curve\":\"[[9,{\\\"val_loss\\\":1.25}]]\",\"status\":\"completed\",\"attempt\":0,\"executor\":\"1\",\"gpu\":\"0\",\"checkpoint\":null,\"seed\":202,\"message\":null,\"started_at\":1000,\"finished_at\":2000}",
            "{\"v\":1,\"sweep_id\":\"s-1\",\"seq\":2,\"scale_key\":\"width=64\",\"width\":64.0,\"depth\":null,\"tokens\":null,\"batch\":null,\"trial_id\":\"w64-t0001\",\"number\":1,\"parent_trial\":null,\"config\":\"{\\\"lr\\\":0.02}\",\"from_resource\":0,\"target_resource\":1,\"resource\":0,\"metrics\":{},\"curve\":null,\"status\":\"running\",\"attempt\":0,\"executor\":null,\"gpu\":null,\"checkpoint\":null,\"seed\":303,\"message\":\"ask bracket=2 resume_from=-\",\"started_at\":3000,\"finished_at\":null}");
}
