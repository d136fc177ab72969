package io.mutune.jobs.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.mutune.connectors.journal.JournalRow;
import io.mutune.connectors.journal.TrialStatus;
import io.mutune.hpo.tuner.TrialReport;
import io.mutune.hpo.tuner.TunerEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JournalReplayTest {
    private final List<JournalRow> rows = new ArrayList<>();

    private void row(String trial, int number, long from, long to, TrialStatus status, int attempt, Double loss, String message) {
        rows.add(new JournalRow("s", rows.size(), "w64", 64.0, null, null, null, trial, number, null, "{\"lr\":0.01}",
                from, to, status == TrialStatus.RUNNING ? from : to, loss == null ? Map.of() : Map.of("val_loss", loss), null,
                status, attempt, null, null, null, 7, message, Instant.EPOCH, null));
    }

    @Test
    void aRunningRowIsAnAskAndItsTerminalRowATell() {
        row("w64-t0000", 0, 0, 10, TrialStatus.RUNNING, 0, null, "ask bracket=0 resume_from=-");
        row("w64-t0000", 0, 0, 10, TrialStatus.COMPLETED, 0, 1.5, null);
        JournalReplay r = JournalReplay.of(rows, "val_loss");
        List<TunerEvent> events = r.events("w64");
        assertEquals(2, events.size());
        assertEquals(TunerEvent.Kind.ASK, events.get(0).kind());
        assertEquals(TunerEvent.Kind.TELL, events.get(1).kind());
        assertEquals(1.5, events.get(1).metric());
        assertEquals(List.of(), r.open());
        assertEquals(2, r.nextSeq());
    }

    @Test
    void aRetriedFailureIsNeitherAskedNorToldTwice() {
        row("w64-t0000", 0, 0, 10, TrialStatus.RUNNING, 0, null, null);
        row("w64-t0000", 0, 0, 10, TrialStatus.FAILED, 0, null, "boom");
        row("w64-t0000", 0, 0, 10, TrialStatus.RUNNING, 1, null, null);
        row("w64-t0000", 0, 0, 10, TrialStatus.FAILED, 1, null, "boom again");
        List<TunerEvent> events = JournalReplay.of(rows, "val_loss").events("w64");
        assertEquals(List.of(TunerEvent.Kind.ASK, TunerEvent.Kind.TELL), events.stream().map(TunerEvent::kind).toList());
        assertEquals(TrialReport.Outcome.FAILED, events.get(1).outcome());
        assertEquals("boom again", events.get(1).message());
    }

    @Test
    void aSegmentWithoutAnEndIsOpenWithItsLastAttempt() {
        row("w64-t0000", 0, 0, 10, TrialStatus.RUNNING, 0, null, null);
        row("w64-t0000", 0, 0, 10, TrialStatus.STALE, 0, null, "executor lost");
        row("w64-t0000", 0, 0, 10, TrialStatus.RUNNING, 1, null, null);
        row("w64-t0001", 1, 0, 10, TrialStatus.RUNNING, 0, null, null);
        row("w64-t0001", 1, 0, 10, TrialStatus.DIVERGED, 0, Double.NaN, "nan");
        JournalReplay r = JournalReplay.of(rows, "val_loss");
        assertEquals(1, r.open().size());
        OpenSegment open = r.open().get(0);
        assertEquals("w64-t0000", open.request().trialId());
        assertEquals(1, open.lastAttempt());
        assertEquals(3, r.events("w64").size());
        assertEquals(TrialReport.Outcome.DIVERGED, r.events("w64").get(2).outcome());
    }

    @Test
    void aPromotionResumesFromTheCheckpointItsNoteNames() {
        row("w64-t0000", 0, 0, 10, TrialStatus.RUNNING, 0, null, "ask bracket=2 resume_from=-");
        row("w64-t0000", 0, 0, 10, TrialStatus.COMPLETED, 0, 1.0, null);
        row("w64-t0000", 0, 10, 30, TrialStatus.RUNNING, 0, null, "ask bracket=2 resume_from=w64-t0000");
        JournalReplay r = JournalReplay.of(rows, "val_loss");
        assertNull(r.events("w64").get(0).resumeFromTrialId());
        assertEquals(2, r.events("w64").get(0).bracket());
        assertEquals("w64-t0000", r.open().get(0).request().resumeFromTrialId());
        assertEquals(10, r.open().get(0).request().fromResource());
    }

    @Test
    void anOpenSegmentRemembersItsRetriedFailures() {
        row("w64-t0000", 0, 0, 10, TrialStatus.RUNNING, 0, null, null);
        row("w64-t0000", 0, 0, 10, TrialStatus.FAILED, 0, null, "boom");
        row("w64-t0000", 0, 0, 10, TrialStatus.RUNNING, 1, null, null);
        // the driver died here, while attempt 1 (the first retry) ran
        OpenSegment open = JournalReplay.of(rows, "val_loss").open().get(0);
        assertEquals(1, open.lastAttempt());
        assertEquals(1, open.failures(), "a resumed driver must count the failure already retried against max_retries");
    }

    /**
     * This driver's rows carry bracket, resume_from and replicate as columns and no note; the
     * version-1 driver's carried the note. Both replay to the same asks, and replicates of one trial
     * over the same resources stay apart by their seeds.
     */
    @Test
    void theColumnsReplayAsTheNoteDid() {
        row("w64-t0000", 0, 0, 10, TrialStatus.RUNNING, 0, null, "ask bracket=2 resume_from=-");
        row("w64-t0000", 0, 0, 10, TrialStatus.COMPLETED, 0, 1.0, null);
        row("w64-t0000", 0, 10, 30, TrialStatus.RUNNING, 0, null, "ask bracket=2 resume_from=w64-t0000");
        rows.add(withSeed(rows.size(), "w64-t0000", 0, 30, TrialStatus.RUNNING, 8, "ask bracket=0 resume_from=- replicate=1"));
        rows.add(withSeed(rows.size(), "w64-t0000", 0, 30, TrialStatus.COMPLETED, 8, null));
        List<JournalRow> v1 = List.copyOf(rows);
        List<JournalRow> v2 = v1.stream().map(r -> new JournalRow(r.sweepId(), r.seq(), r.scaleKey(), r.width(), r.depth(), r.tokens(),
                r.batch(), r.trialId(), r.number(), r.parentTrial(), r.configJson(), r.fromResource(), r.targetResource(), r.resource(),
                r.metrics(), r.curveJson(), r.status(), r.attempt(), r.executor(), r.gpu(), r.checkpoint(), r.seed(), null, r.startedAt(),
                r.finishedAt(), r.seed() == 8 ? 0 : 2, r.fromResource() == 10 ? "w64-t0000" : null, r.seed() == 8 ? 1 : 0)).toList();
        JournalReplay fromNotes = JournalReplay.of(v1, "val_loss");
        JournalReplay fromColumns = JournalReplay.of(v2, "val_loss");
        assertEquals(fromNotes.events("w64"), fromColumns.events("w64"));
        assertEquals(fromNotes.open(), fromColumns.open());
        assertEquals(List.of(0, 0, 0, 1, 1), fromColumns.events("w64").stream().map(TunerEvent::replicate).toList());
        assertEquals(1, fromColumns.open().size());
        assertEquals(List.of(2, "w64-t0000", 0), List.of(fromColumns.open().get(0).request().bracket(),
                fromColumns.open().get(0).request().resumeFromTrialId(), fromColumns.open().get(0).request().replicate()));
    }

    private static JournalRow withSeed(long seq, String trial, long from, long to, TrialStatus status, long seed, String message) {
        return new JournalRow("s", seq, "w64", 64.0, null, null, null, trial, 0, null, "{\"lr\":0.01}", from, to,
                status == TrialStatus.RUNNING ? from : to, status == TrialStatus.RUNNING ? Map.of() : Map.of("val_loss", 1.1), null,
                status, 0, null, null, null, seed, message, Instant.EPOCH, null);
    }
}
