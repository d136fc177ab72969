package io.mutune.jobs.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mutune.transfer.chart.Figure;

/**
 * One chart of the report: a Vega-Lite spec that the page draws interactively, and, for x-y charts,
 * the {@link Figure} it was made from, which the report also writes as a PNG.
 *
 * @param id     a file-name-safe identifier, e.g. {@code loss-vs-lr}; the page's element is {@code chart-<id>}
 * @param spec   the Vega-Lite spec, data included
 * @param figure the figure behind the spec, or null for charts that exist only in the page (parallel coordinates, importance)
 * @param note   a caption under the chart, or null
 */
public record Chart(String id, String title, ObjectNode spec, Figure figure, String note) {
    public Chart {
        if (!id.matches("[a-z0-9._-]+")) {
            throw new IllegalArgumentException("chart id must be lower-case letters, digits, '.', '_' or '-', got '" + id + "'");
        }
    }

    /** An x-y chart: interactive in the page, and a PNG. */
    public static Chart of(String id, Figure figure, String note) {
        return new Chart(id, figure.title(), FigureSpec.of(figure), figure, note);
    }

    /** A chart that exists only in the page. */
    public static Chart interactive(String id, String title, ObjectNode spec, String note) {
        return new Chart(id, title, spec, null, note);
    }
}
