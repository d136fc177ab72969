package io.mutune.jobs.report;

import java.util.List;

/** The report's charts, grouped in the order the page shows them. */
public record ReportSections(List<Chart> loss, List<Chart> optima, List<Chart> curves, List<Chart> lineage, List<Chart> coordCheck) {

    public static ReportSections of(ReportInputs in) {
        return new ReportSections(LossCharts.build(in), OptimumCharts.build(in), CurveCharts.build(in),
                LineageCharts.build(in), CoordCheckCharts.build(in.coordCheck()));
    }

    public List<Chart> all() {
        return java.util.stream.Stream.of(loss, optima, curves, lineage, coordCheck).flatMap(List::stream).toList();
    }
}
