package io.mutune.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mutune.connectors.journal.JournalRow;
import io.mutune.connectors.open.Tables;
import io.mutune.hpo.space.Configuration;
import io.mutune.jobs.api.Mutune;
import io.mutune.jobs.session.MutuneSpark;
import io.mutune.jobs.spec.SweepSpec;
import io.mutune.transfer.proxy.ProxyRunners;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The reports of two real sweeps (PBT, then ASHA, publishing to one table) opened from their files in
 * headless Chromium with no network: every chart renders, the console stays clean, nothing is
 * fetched, and hovering a point of the loss chart shows that point's trial as the journal has it.
 * The pages and their screenshots stay in {@code target/report-chromium/} (docs/report-screenshot.png is one of them).
 */
class ReportInChromiumIT {
    private static final String ASHA = """
            search:
              algorithm: asha
              metric: val_loss
              mode: min
              space:
                lr: {float: [1.0e-3, 3.0e-1], log: true}
                init_std: {float: [0.3, 3.0], log: true}
              resource: {name: steps, min: 20, max: 60, eta: 3}
              trials_per_scale: 9
            """;
    private static final String PBT = """
            search:
              algorithm: pbt
              metric: val_loss
              mode: min
              space:
                lr: {float: [1.0e-3, 3.0e-1], log: true}
              resource: {name: steps, min: 20, max: 60}
              trials_per_scale: 4
            """;
    private static final Path SHOTS = Path.of("target", "report-chromium");

    @TempDir
    Path dir;

    @Test
    void everyChartRendersOfflineWithACleanConsoleAndHoveringAPointShowsItsTrial() throws Exception {
        SparkSession spark = MutuneSpark.getOrCreate("local[2]");
        SweepSpec pbt = spec("pbt.yaml", PBT);
        SweepSpec asha = spec("asha.yaml", ASHA);
        Mutune.sweep(spark, pbt, "tiny-pbt", ProxyRunners.fromSpec(pbt.proxy()), null);
        Mutune.sweep(spark, asha, "tiny-asha", ProxyRunners.fromSpec(asha.proxy()), null);
        Path coord = dir.resolve("coord.csv");
        Files.writeString(coord, "width,step,layer,value\n32,0,hidden,1.0\n64,0,hidden,1.01\n32,10,hidden,1.2\n64,10,hidden,1.19\n");
        ReportFiles ashaReport = SweepReport.write(spark, asha, "tiny-asha", ReportOptions.defaults(dir.resolve("asha")).withCoordCheck(coord));
        ReportFiles pbtReport = SweepReport.write(spark, pbt, "tiny-pbt", ReportOptions.defaults(dir.resolve("pbt")));
        for (String id : List.of("loss-vs-lr", "loss-vs-init_std", "optimum-lr", "curves-w32", "curves-w64", "parallel-w32", "importance",
                "diff", "coord-check-step-0")) {
            assertTrue(ashaReport.chartIds().contains(id), "the ASHA report lacks " + id + ": " + ashaReport.chartIds());
        }
        for (String id : List.of("lineage-w32", "schedule-w32", "lineage-w64")) {
            assertTrue(pbtReport.chartIds().contains(id), "the PBT report lacks " + id + ": " + pbtReport.chartIds());
        }
        Files.createDirectories(SHOTS);
        Files.copy(ashaReport.html(), SHOTS.resolve("report-asha.html"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(pbtReport.html(), SHOTS.resolve("report-pbt.html"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        List<JournalRow> journal = Tables.journal(spark, asha.output().trials()).read("tiny-asha");
        try (HeadlessChromium chromium = new HeadlessChromium(Files.createDirectories(dir.resolve("profile")), 1500, 1000)) {
            assertEveryChartRendered(chromium, ashaReport);
            assertHoverShowsTheTrial(chromium, journal);
            Files.write(SHOTS.resolve("report-asha.png"), chromium.screenshot());
            Files.write(SHOTS.resolve("report-asha-full.png"), chromium.fullPageScreenshot());
            List<String> console = chromium.consoleProblems();
            assertTrue(console.isEmpty(), "console after hovering: " + console);
            assertEveryChartRendered(chromium, pbtReport);
            Files.write(SHOTS.resolve("report-pbt-full.png"), chromium.fullPageScreenshot());
        }
    }

    private SweepSpec spec(String name, String search) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, TinySweep.spec(dir.resolve("lake"), search));
        return Mutune.spec(f);
    }

    private static void assertEveryChartRendered(HeadlessChromium chromium, ReportFiles report) {
        chromium.open(report.html());
        new WebDriverWait(chromium.driver(), Duration.ofSeconds(60))
                .until(d -> "done".equals(chromium.script("return document.body.dataset.charts")));
        assertEquals(List.of(), chromium.script("return window.mutuneReport.failed"), "charts that failed to render");
        for (String id : report.chartIds()) {
            WebElement chart = chromium.driver().findElement(By.id("chart-" + id));
            assertEquals("true", chart.getDomAttribute("data-rendered"), id + " did not render");
            long marks = (Long) chromium.script("return arguments[0].querySelectorAll('svg g.role-mark path, svg g.role-mark line').length", chart);
            assertTrue(marks > 0, id + " rendered no marks");
        }
        assertEquals(0L, chromium.script("return performance.getEntriesByType('resource').length"), "the page fetched something");
        List<String> console = chromium.consoleProblems();
        assertTrue(console.isEmpty(), "console: " + console);
    }

    /** Hovers a point of the loss chart and checks the tooltip against the journal's row for the trial it names. */
    @SuppressWarnings("unchecked")
    private static void assertHoverShowsTheTrial(HeadlessChromium chromium, List<JournalRow> journal) {
        chromium.script("document.getElementById('loss').scrollIntoView()");
        WebElement point = chromium.driver().findElement(By.cssSelector("#chart-loss-vs-lr svg g.mark-symbol path"));
        new Actions(chromium.driver()).moveToElement(point).perform();
        new WebDriverWait(chromium.driver(), Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(chromium.script(
                "const t = document.getElementById('vg-tooltip-element'); return t != null && t.classList.contains('visible')")));
        Map<String, String> tip = new LinkedHashMap<>();
        ((List<List<String>>) chromium.script("return Array.from(document.querySelectorAll('#vg-tooltip-element tr'))"
                + ".map(tr => [tr.cells[0].textContent, tr.cells[1].textContent])")).forEach(kv -> tip.put(kv.get(0), kv.get(1)));
        for (String key : List.of("trial", "config", "seed", "status", "attempt")) {
            assertTrue(tip.containsKey(key), "the tooltip lacks " + key + ": " + tip);
        }
        JournalRow row = journal.stream().filter(r -> r.trialId().equals(tip.get("trial")) && r.status().name().equalsIgnoreCase(tip.get("status"))
                && String.valueOf(r.resource()).equals(tip.get("resource"))).findFirst()
                .orElseThrow(() -> new AssertionError("the tooltip names a trial the journal does not have: " + tip));
        assertEquals(row.configJson(), tip.get("config"));
        assertEquals(String.valueOf(row.seed()), tip.get("seed"));
        assertEquals(String.valueOf(row.attempt()), tip.get("attempt"));
        double lr = Configuration.fromJson(row.configJson()).getDouble("lr");
        assertEquals(Double.parseDouble(tip.get("lr")), lr, 1e-3 * lr, "the point's x is its trial's lr: " + tip);
    }
}
