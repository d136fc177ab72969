package io.mutune.transfer.plot;

import java.util.List;

/** One chart: a title, axis labels, log-scale flags and its lines. */
public record Panel(String title, String xLabel, String yLabel, boolean logX, boolean logY, List<Series> series) {
    public Panel {
        series = List.copyOf(series);
    }
}
