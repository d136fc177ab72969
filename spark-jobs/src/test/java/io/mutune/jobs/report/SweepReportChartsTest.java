package io.mutune.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mutune.connectors.journal.TrialStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    @Test
    void rungsLineageAndDivergenceAreDrawnWhenTheJournalHasThem() throws Exception {
        ReportFiles files = SweepReport.write(ashaAndPbt(null), ReportOptions.defaults(dir));
        assertTrue(files.chartIds().contains("lineage-w128"), files.chartIds().toString());
        assertTrue(!files.chartIds().contains("lineage-w64"), "w64 had no exploit: " + files.chartIds());
        String html = Files.readString(files.html());
        String w64 = html.substring(html.indexOf("id=\"chart-curves-w64\""));
        w64 = w64.substring(0, w64.indexOf("</svg>"));
        // t0001 stopped at the rung 30, t0002 diverged: two crosses, one rung line.
        assertEquals(2, w64.split("class=\"stop\"").length - 1, w64);
        assertEquals(1, w64.split("class=\"rung\"").length - 1, w64);
        String lineage = html.substring(html.indexOf("id=\"chart-lineage-w128\""));
        assertTrue(lineage.contains("exploit: copied parent"), "lineage legend");
        assertEquals(files.chartIds().size(), files.pngs().size());
    }

    @Test
    void noLineageSectionWithoutParentsAndACoordCheckWithABadHeaderIsRejected() throws Exception {
        SyntheticJournal j = new SyntheticJournal().segment(64, "w64-t0000", 0, null, 0.05, 0, 30, TrialStatus.COMPLETED);
        ReportFiles files = SweepReport.write(new ReportInputs("s", "val_loss", "min", j.rows(), List.of(), List.of(), null),
                new ReportOptions(dir, null, false));
        assertTrue(files.chartIds().stream().noneMatch(id -> id.startsWith("lineage")), files.chartIds().toString());
        assertTrue(files.pngs().isEmpty());
        Path bad = dir.resolve("coord.csv");
        Files.writeString(bad, "w,step,layer,value\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SweepReport.write(ashaAndPbt(bad), ReportOptions.defaults(dir)));
        assertTrue(e.getMessage().contains("width,step,layer,value"), e.getMessage());
    }
}
