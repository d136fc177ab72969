package io.mutune.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mutune.connectors.journal.TrialStatus;
import io.mutune.transfer.chart.Series;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The charts that need data only other schedulers write (rungs, PBT lineage), drawn from generated journal rows. */
class SweepReportChartsTest {
    @TempDir
    Path dir;

    private static ReportInputs ashaAndPbt(Path coord) {
        SyntheticJournal j = new SyntheticJournal()
                .segment(64, "w64-t0000", 0, null, 0.05, 0, 30, TrialStatus.COMPLETED)
                .segment(64, "w64-t0001", 1, null, 0.5, 0, 30, TrialStatus.COMPLETED)
                .segment(64, "w64-t0000", 0, null, 0.05, 30, 90, TrialStatus.COMPLETED)
                .segment(64, "w64-t0002", 2, null, 2.0, 0, 30, TrialStatus.DIVERGED)
                // PBT at width 128: t0001 exploits t0000 at 40.
                .segment(128, "w128-t0000", 0, null, 0.04, 0, 40, TrialStatus.COMPLETED)
                .segment(128, "w128-t0001", 1, null, 0.4, 0, 40, TrialStatus.COMPLETED)
                .segment(128, "w128-t0001", 1, "w128-t0000", 0.05, 40, 90, TrialStatus.COMPLETED)
                .segment(128, "w128-t0000", 0, null, 0.04, 40, 90, TrialStatus.COMPLETED);
        return new ReportInputs("synthetic", "val_loss", "min", j.rows(), List.of(), List.of(), coord);
    }

    private static Chart chart(ReportSections s, String id) {
        return s.all().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError("no chart " + id));
    }

    /** The rows of every layer of a layered spec whose mark is {@code type}. */
    private static List<JsonNode> rows(Chart c, String type) {
        return StreamSupport.stream(c.spec().get("layer").spliterator(), false)
                .filter(l -> type.equals(l.get("mark").isTextual() ? l.get("mark").asText() : l.get("mark").get("type").asText()))
                .flatMap(l -> StreamSupport.stream(l.get("data").get("values").spliterator(), false)).toList();
    }

    @Test
    void rungsLineageAndTheWinningScheduleAreDrawnWhenTheJournalHasThem() throws Exception {
        ReportSections s = ReportSections.of(ashaAndPbt(null));
        List<String> ids = s.all().stream().map(Chart::id).toList();
        assertTrue(ids.contains("lineage-w128") && !ids.contains("lineage-w64"), "only w128 had an exploit: " + ids);
        // t0001 stopped at the rung 30 and t0002 diverged: two crosses, one rung guide.
        Chart w64 = chart(s, "curves-w64");
        assertEquals(2, rows(w64, "point").stream().filter(r -> r.get("mark").asText().equals("cross")).count(), w64.spec().toString());
        assertEquals(List.of(30.0), w64.figure().xGuides());
        assertEquals(2, w64.figure().groups().size() - 1, "reached 90, stopped at a rung, diverged: " + w64.figure().groups());
        Chart lineage = chart(s, "lineage-w128");
        assertTrue(lineage.figure().groups().contains("exploit: copied parent"), lineage.figure().groups().toString());
        assertTrue(lineage.figure().groups().contains("the winner's lineage"), lineage.figure().groups().toString());
        // t0001 ends lower (its lr 0.05 after the exploit beats t0000's 0.04): its schedule is t0000's first 40 steps, then its own.
        Chart schedule = chart(s, "schedule-w128");
        assertTrue(schedule.note().startsWith("w128-t0001 won"), schedule.note());
        assertTrue(schedule.note().contains("0-40 w128-t0000 {\"lr\":0.04}; 40-90 w128-t0001 {\"lr\":0.05}"), schedule.note());
        Series lr = schedule.figure().series().get(0);
        assertEquals(List.of(0.04, 0.04, 0.05, 0.05), java.util.Arrays.stream(lr.y()).boxed().toList());
    }

    @Test
    void everyPointOfTheLossChartCarriesItsTrialForTheTooltip() {
        Chart loss = chart(ReportSections.of(ashaAndPbt(null)), "loss-vs-lr");
        List<JsonNode> points = rows(loss, "point");
        assertFalse(points.isEmpty());
        for (JsonNode p : points) {
            for (String k : List.of("trial", "config", "seed", "status", "attempt")) {
                assertTrue(p.get("d").has(k), "point " + p + " lacks " + k);
            }
        }
        List<String> tips = StreamSupport.stream(loss.spec().get("layer").spliterator(), false).filter(l -> l.has("encoding") && l.get("encoding").has("tooltip"))
                .flatMap(l -> StreamSupport.stream(l.get("encoding").get("tooltip").spliterator(), false)).map(t -> t.get("field").asText()).toList();
        assertTrue(tips.containsAll(List.of("d.trial", "d.config", "d.seed", "d.status", "d.attempt")), tips.toString());
    }

    @Test
    void importanceRanksTheHyperparameterThatDecidesTheLossFirst() {
        // lr decides the loss; wd is drawn independently of it and does not.
        SyntheticJournal j = new SyntheticJournal();
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        for (int i = 0; i < 60; i++) {
            double lr = Math.exp(Math.log(1e-3) + r.nextDouble() * Math.log(300));
            j.segment(64, String.format("w64-t%04d", i), i, null, Map.of("lr", lr, "wd", r.nextDouble()), 0, 100, TrialStatus.COMPLETED);
        }
        ReportSections s = ReportSections.of(new ReportInputs("imp", "val_loss", "min", j.rows(), List.of(), List.of(), null));
        Map<String, Double> share = StreamSupport.stream(chart(s, "importance").spec().get("data").get("values").spliterator(), false)
                .collect(Collectors.toMap(n -> n.get("hyperparameter").asText(), n -> n.get("share").asDouble()));
        assertTrue(share.get("lr") > 2 * share.get("wd"), share.toString());
        assertTrue(s.all().stream().anyMatch(c -> c.id().equals("parallel-w64")), "parallel coordinates for the scale point");
    }

    @Test
    void pngsAreWrittenForFiguresOnlyAndACoordCheckWithABadHeaderIsRejected() throws Exception {
        ReportFiles files = SweepReport.write(ashaAndPbt(null), ReportOptions.defaults(dir));
        assertTrue(files.pngs().contains(dir.resolve("png").resolve("lineage-w128.png")), files.pngs().toString());
        assertTrue(files.pngs().stream().allMatch(Files::exists));
        SyntheticJournal j = new SyntheticJournal().segment(64, "w64-t0000", 0, null, 0.05, 0, 30, TrialStatus.COMPLETED);
        ReportFiles none = SweepReport.write(new ReportInputs("s", "val_loss", "min", j.rows(), List.of(), List.of(), null),
                new ReportOptions(dir.resolve("none"), null, false));
        assertTrue(none.chartIds().stream().noneMatch(id -> id.startsWith("lineage")), none.chartIds().toString());
        assertTrue(none.pngs().isEmpty());
        Path bad = dir.resolve("coord.csv");
        Files.writeString(bad, "w,step,layer,value\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SweepReport.write(ashaAndPbt(bad), ReportOptions.defaults(dir)));
        assertTrue(e.getMessage().contains("width,step,layer,value"), e.getMessage());
    }

    @Test
    void theRecommendationTableHasAColumnPerFieldSoANewFieldNeedsNoReportCode() {
        record WithNoise(String hyperparameter, double value, double noiseSd, String verdictConfidence) { }
        String html = RecordTable.html("recs", List.of(new WithNoise("lr", 0.01, 0.002, "high")));
        assertTrue(html.contains("<th>noise_sd</th>") && html.contains("<th>verdict_confidence</th>"), html);
        assertTrue(html.contains(">0.0020000<") && html.contains(">high</td>"), html);
    }

    @Test
    void aRecordValuedFieldSuchAsTheStatisticsGivesAColumnPerComponent() {
        record Stats(Double noiseSd, Double verdictConfidence) { }
        record Row(String hyperparameter, Stats statistics) { }
        String html = RecordTable.html("recs", List.of(new Row("lr", new Stats(0.047, 0.9)), new Row("wd", null)));
        assertTrue(html.contains("<th>noise_sd</th>") && html.contains("<th>verdict_confidence</th>"), html);
        assertTrue(!html.contains("<th>statistics</th>"), html);
        assertTrue(html.contains(">0.047000<") && html.contains(">0.90000<"), html);
    }
}
