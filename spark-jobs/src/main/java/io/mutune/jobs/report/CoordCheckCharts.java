package io.mutune.jobs.report;

import io.mutune.transfer.chart.Figure;
import io.mutune.transfer.chart.Series;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The coordinate check (Yang et al., 2022, Tensor Programs V, Fig. 5): the size of each layer's
 * activation coordinates against width, one panel per training step. Under muP the lines stay
 * flat; a line that grows with width is a parametrization bug.
 *
 * <p>Input: a CSV with header {@code width,step,layer,value}, value = mean |coordinate|.
 */
public final class CoordCheckCharts {
    static final String HEADER = "width,step,layer,value";
    private static final int MAX_PANELS = 4;

    private CoordCheckCharts() { }

    public static List<Chart> build(Path csv) {
        if (csv == null) {
            return List.of();
        }
        // step -> layer -> width -> value
        TreeMap<Long, Map<String, TreeMap<Double, Double>>> data = new TreeMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(csv);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the coordinate check " + csv, e);
        }
        if (lines.isEmpty() || !lines.get(0).trim().equals(HEADER)) {
            throw new IllegalArgumentException("coordinate check " + csv + " must start with the header '" + HEADER + "', got '"
                    + (lines.isEmpty() ? "" : lines.get(0)) + "'");
        }
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split(",");
            if (f.length != 4) {
                throw new IllegalArgumentException("coordinate check " + csv + " line " + (i + 1) + ": expected " + HEADER + ", got '" + line + "'");
            }
            try {
                data.computeIfAbsent(Long.parseLong(f[1].trim()), k -> new LinkedHashMap<>())
                        .computeIfAbsent(f[2].trim(), k -> new TreeMap<>())
                        .put(Double.parseDouble(f[0].trim()), Double.parseDouble(f[3].trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("coordinate check " + csv + " line " + (i + 1) + ": width, step and value must be numbers, got '" + line + "'");
            }
        }
        List<Long> steps = new ArrayList<>(data.keySet());
        List<Long> panels = new ArrayList<>();
        for (int k = 0; k < Math.min(MAX_PANELS, steps.size()); k++) {
            panels.add(steps.get((int) Math.round(k * (steps.size() - 1) / (double) Math.max(1, Math.min(MAX_PANELS, steps.size()) - 1))));
        }
        List<Chart> charts = new ArrayList<>();
        for (long step : new java.util.LinkedHashSet<>(panels)) {
            List<Series> series = new ArrayList<>();
            for (var layer : data.get(step).entrySet()) {
                double[] x = layer.getValue().keySet().stream().mapToDouble(d -> d).toArray();
                double[] y = layer.getValue().values().stream().mapToDouble(d -> d).toArray();
                series.add(Series.linePoints(layer.getKey(), x, y));
            }
            Figure f = new Figure("coordinate check, step " + step, "width", "mean |coordinate|", true, true, series);
            charts.add(Chart.of("coord-check-step-" + step, f, "Flat lines: activations keep their size as width grows, as muP intends."));
        }
        return charts;
    }
}
