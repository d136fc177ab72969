package io.mutune.transfer.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FigurePngTest {
    @TempDir
    Path dir;

    private static Figure optimumLike() {
        double[] x = {64, 128, 256, 512};
        Series optima = Series.points("optimum per scale", x, new double[] {0.02, 0.018, 0.015, 0.012}, Series.Mark.DOT)
                .withErrorBars(new double[] {0.015, 0.013, 0.011, 0.009}, new double[] {0.03, 0.025, 0.02, 0.016});
        // NaN, zero and a negative value cannot sit on a log axis: they must leave gaps, not fail the chart.
        Series rule = Series.line("rule", new double[] {64, 128, 256, 384, 512}, new double[] {0.021, 0.019, Double.NaN, 0.0, -1}).asDashed();
        Band band = new Band("rule band", x, new double[] {0.01, 0.01, 0.009, 0.008}, new double[] {0.04, 0.03, 0.025, 0.02});
        return new Figure("optimum of lr", "width", "lr", true, true, List.of(optima, rule)).withBands(List.of(band)).withXGuides(List.of(200.0));
    }

    @Test
    void panelsSitSideBySideAndEachGroupIsDrawnInItsColour() throws Exception {
        Path png = dir.resolve("two.png");
        Figure curves = new Figure("curves", "steps", "loss", false, false,
                List.of(Series.linePoints("w64", new double[] {10, 20, 30}, new double[] {2.0, 1.2, 0.9})));
        FigurePng.write(List.of(optimumLike(), curves), png);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(2 * FigurePng.WIDTH, img.getWidth());
        assertEquals(FigurePng.HEIGHT, img.getHeight());
        assertTrue(count(img, JFreeFigure.color(0), 0, FigurePng.WIDTH) > 30, "the optima (first group) are drawn in the left panel");
        assertTrue(count(img, JFreeFigure.color(1), 0, FigurePng.WIDTH) > 30, "the dashed rule (second group) is drawn");
        assertTrue(count(img, JFreeFigure.color(0), FigurePng.WIDTH, 2 * FigurePng.WIDTH) > 30, "the right panel has its own series");
    }

    @Test
    void anEmptyListIsRefusedWithTheFileName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FigurePng.write(List.of(), dir.resolve("x.png")));
        assertTrue(e.getMessage().contains("x.png"), e.getMessage());
    }

    @Test
    void aSeriesWithMismatchedDetailsIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Series.points("s", new double[] {1, 2},
                new double[] {1, 2}, Series.Mark.DOT).withDetails(List.of(java.util.Map.of("trial", "t0"))));
        assertTrue(e.getMessage().contains("2 points but 1 details"), e.getMessage());
    }

    private static int count(BufferedImage img, Color c, int x0, int x1) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = x0; x < x1; x++) {
                if ((img.getRGB(x, y) & 0xffffff) == (c.getRGB() & 0xffffff)) {
                    n++;
                }
            }
        }
        return n;
    }
}
