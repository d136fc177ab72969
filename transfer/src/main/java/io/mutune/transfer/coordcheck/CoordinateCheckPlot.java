package io.mutune.transfer.coordcheck;

import io.mutune.transfer.chart.Figure;
import io.mutune.transfer.chart.FigurePng;
import io.mutune.transfer.chart.Series;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Plots a coordinate check as microsoft/mup does: one panel per step, mean |activation| vs width, one line per layer. */
public final class CoordinateCheckPlot {
    private CoordinateCheckPlot() {
    }

    /** The panels, one per step, as figures. */
    public static List<Figure> figures(CoordinateCheckResult r, String title) {
        List<Integer> widths = r.widths();
        double[] x = widths.stream().mapToDouble(Integer::doubleValue).toArray();
        List<Figure> panels = new ArrayList<>();
        for (int t = 0; t < r.steps(); t++) {
            List<Series> lines = new ArrayList<>();
            for (String layer : r.layers()) {
                double[] y = new double[x.length];
                for (int i = 0; i < y.length; i++) {
                    y[i] = r.value(layer, widths.get(i), t);
                }
                lines.add(Series.linePoints(layer, x, y));
            }
            panels.add(new Figure(title + ", t=" + t, "width", "mean |act|", true, true, lines));
        }
        return panels;
    }

    public static void write(CoordinateCheckResult r, String title, Path png) throws IOException {
        FigurePng.write(figures(r, title), png);
    }
}
