package io.mutune.jobs.report;

import java.util.List;
import java.util.stream.Stream;

/** The report's charts, grouped in the order the page shows them. */
public record ReportSections(List<Chart> loss, List<Chart> optima, List<Chart> curves, List<Chart> lineage, List<Chart> parallel,
                             List<Chart> importance, List<Chart> diff, List<Chart> coordCheck) {

    public static ReportSections of(ReportInputs in) {
        return new ReportSections(LossCharts.build(in), OptimumCharts.build(in), CurveCharts.build(in), LineageCharts.build(in),
                ParallelCoordinates.build(in), ImportanceCharts.build(in), DiffChart.build(in.diff()), CoordCheckCharts.build(in.coordCheck()));
    }

    public List<Chart> all() {
        return Stream.of(loss, optima, curves, lineage, parallel, importance, diff, coordCheck).flatMap(List::stream).toList();
    }
}
