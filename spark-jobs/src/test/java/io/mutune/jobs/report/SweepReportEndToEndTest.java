package io.mutune.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mutune.jobs.api.Mutune;
import io.mutune.jobs.api.SweepRun;
import io.mutune.jobs.cli.MutuneCli;
import io.mutune.jobs.session.MutuneSpark;
import io.mutune.jobs.spec.SweepSpec;
import io.mutune.transfer.chart.FigurePng;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tiny real sweep through the facade, then `mutune report` and `mutune diff` on its tables. */
class SweepReportEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void reportOfARealSweepHasEveryChartInThePageAndAsPngAndDiffComparesPublishes() throws Exception {
        SparkSession spark = MutuneSpark.getOrCreate("local[2]");
        Path specFile = dir.resolve("tiny.yaml");
        Files.writeString(specFile, TinySweep.spec(dir.resolve("lake")));
        SweepSpec spec = Mutune.spec(specFile);
        SweepRun first = Mutune.sweep(spark, spec, "tiny-a", io.mutune.transfer.proxy.ProxyRunners.fromSpec(spec.proxy()), null);
        assertEquals(8, first.result().finished().size());
        assertEquals(1, first.recommendations().size());

        Path out = dir.resolve("report");
        Path coord = dir.resolve("coord.csv");
        Files.writeString(coord, "width,step,layer,value\n32,0,hidden,1.0\n64,0,hidden,1.01\n32,10,hidden,1.2\n64,10,hidden,1.19\n");
        String printed = cli("report", "latest", "--spec", specFile.toString(), "--out", out.toString(), "--coord-check", coord.toString());
        assertTrue(printed.contains("report: "), printed);
        assertTrue(Files.readString(out.resolve("report.html")).contains("tiny-a"), "latest is the only sweep, tiny-a");

        // --out FILE.html is that file, not a folder of that name (it was one before).
        Path named = dir.resolve("named.html");
        cli("report", "tiny-a", "--spec", specFile.toString(), "--out", named.toString(), "--no-png");
        assertTrue(Files.isRegularFile(named) && Files.readString(named).contains("tiny-a"), "report --out FILE.html writes that file");

        String html = Files.readString(out.resolve("report.html"));
        for (String id : new String[] {"loss-vs-lr", "optimum-lr", "curves-w32", "curves-w64", "coord-check-step-0", "coord-check-step-10"}) {
            assertTrue(html.contains("id=\"chart-" + id + "\""), "missing chart " + id);
            BufferedImage png = ImageIO.read(out.resolve("png").resolve(id + ".png").toFile());
            assertEquals(FigurePng.WIDTH, png.getWidth());
            assertTrue(colours(png) > 5, id + ".png looks blank");
        }
        assertTrue(html.contains("\"parallel-w32\""), "parallel coordinates are interactive only, in the page");
        assertFalse(Files.exists(out.resolve("png").resolve("parallel-w32.png")), "no PNG for an interactive-only chart");
        String markup = html.replaceAll("(?s)<script>.*?</script>", "");
        assertFalse(java.util.regex.Pattern.compile("(src|href)\\s*=\\s*\"(https?:|//)").matcher(markup).find(), "the page loads nothing from outside");
        assertTrue(html.contains("<td class=\"col-hyperparameter\" data-value=\"lr\">lr</td>"), "the recommendation table lists lr");
        assertTrue(html.contains("<th>sweep_id</th>") && html.contains("<th>version</th>"), "with its provenance");
        // The first publish: nothing before it to compare with.
        assertTrue(html.contains("was the table's first"), "the diff section names the first publish");

        Mutune.sweep(spark, spec, "tiny-b", io.mutune.transfer.proxy.ProxyRunners.fromSpec(spec.proxy()), null);
        String diff = cli("diff", "--spec", specFile.toString());
        assertTrue(diff.matches("(?s).*version \\d+ -> \\d+.*"), diff);
        assertTrue(diff.contains(" lr "), diff);
        String bySweep = cli("diff", "--spec", specFile.toString(), "--from-sweep", "tiny-a", "--to-sweep", "tiny-b");
        assertTrue(bySweep.contains("within") || bySweep.contains("moved"), bySweep);
    }

    private static String cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = MutuneCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int colours(BufferedImage img) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) {
                seen.add(img.getRGB(x, y));
            }
        }
        return seen.size();
    }
}
