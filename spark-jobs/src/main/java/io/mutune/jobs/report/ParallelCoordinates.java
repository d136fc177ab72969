package io.mutune.jobs.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mutune.connectors.journal.JournalRow;
import io.mutune.hpo.space.CategoricalParameter;
import io.mutune.hpo.space.Configuration;
import io.mutune.hpo.space.FloatParameter;
import io.mutune.hpo.space.IntParameter;
import io.mutune.hpo.space.Parameter;
import io.mutune.hpo.space.SearchSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parallel coordinates per scale point: one line per trial across the metric and every
 * hyperparameter, each axis spanning its range in the search space (log-scaled ones on a log scale),
 * coloured by the metric. Hovering a line picks its trial and shows it.
 */
public final class ParallelCoordinates {
    private ParallelCoordinates() { }

    public static List<Chart> build(ReportInputs in) {
        Map<String, List<JournalRow>> byScale = FinalTrials.lastRowsByScale(in.rows());
        List<Chart> charts = new ArrayList<>();
        for (String scale : FinalTrials.orderedScales(byScale)) {
            TrialLevel level = TrialLevel.of(scale, in.rows().stream().filter(r -> r.scaleKey().equals(scale)).toList(), in.metric());
            List<JournalRow> rows = level.rows().stream().filter(r -> Double.isFinite(r.metrics().getOrDefault(in.metric(), Double.NaN))).toList();
            if (rows.size() < 2) {
                continue;
            }
            SearchSpace space = TrialSpace.of(in.space(), rows);
            if (space == null) {
                continue;
            }
            charts.add(Chart.interactive("parallel-" + Ids.safe(scale), "parallel coordinates at " + scale, spec(in, scale, space, rows),
                    String.format(Locale.ROOT, "%d trials that ended at resource %d; each axis spans the search space's range "
                            + "(the metric's its trials' range). Hover a line for its trial.", rows.size(), level.resource())));
        }
        return charts;
    }

    private static ObjectNode spec(ReportInputs in, String scale, SearchSpace space, List<JournalRow> rows) {
        double[] m = rows.stream().mapToDouble(r -> r.metrics().get(in.metric())).toArray();
        double lo = java.util.Arrays.stream(m).min().getAsDouble();
        double hi = java.util.Arrays.stream(m).max().getAsDouble();
        // One blown-up trial would squash every other line into one colour and one end of the axis.
        boolean log = LossCharts.spansDecades(m, 10);
        List<String> axes = new ArrayList<>();
        axes.add(in.metric());
        axes.addAll(space.names());
        ArrayNode lines = VegaLite.array();
        for (JournalRow r : rows) {
            Configuration c = TrialSpace.project(space, Configuration.fromJson(r.configJson()));
            double v = r.metrics().get(in.metric());
            double pos = log ? Math.log(v / lo) / Math.log(hi / lo) : hi > lo ? (v - lo) / (hi - lo) : 0.5;
            add(lines, r, in.metric(), pos, v);
            for (Parameter p : space.parameters()) {
                add(lines, r, p.name(), p.encode(c.get(p.name())), v);
            }
        }
        ArrayNode ticks = VegaLite.array();
        ticks.addObject().put("axis", in.metric()).put("pos", 1).put("label", String.format(Locale.ROOT, "%.4g", hi));
        ticks.addObject().put("axis", in.metric()).put("pos", 0).put("label", String.format(Locale.ROOT, "%.4g", lo));
        for (Parameter p : space.parameters()) {
            ticks.addObject().put("axis", p.name()).put("pos", 1).put("label", end(p, true));
            ticks.addObject().put("axis", p.name()).put("pos", 0).put("label", end(p, false));
        }
        ObjectNode s = VegaLite.spec("parallel coordinates at " + scale);
        ArrayNode layers = s.putArray("layer");
        ObjectNode line = layers.addObject();
        line.putObject("data").set("values", lines);
        line.putObject("mark").put("type", "line").put("strokeWidth", 1.5);
        ArrayNode params = line.putArray("params");
        params.addObject().put("name", "hover").putObject("select").put("type", "point").put("on", "pointerover")
                .put("clear", "pointerout").set("fields", VegaLite.array().add("trial"));
        ObjectNode enc = line.putObject("encoding");
        enc.set("x", axis(axes));
        enc.set("y", unitY());
        enc.set("detail", VegaLite.field("trial", "nominal", null));
        ObjectNode color = VegaLite.field("metric", "quantitative", in.metric());
        ObjectNode colorScale = color.putObject("scale").put("scheme", "viridis").put("reverse", !"max".equals(in.mode()));
        if (log) {
            colorScale.put("type", "log");
        }
        enc.set("color", color);
        ObjectNode width = enc.putObject("strokeWidth");
        width.putObject("condition").put("param", "hover").put("empty", false).put("value", 4);
        width.put("value", 1.5);
        enc.putArray("tooltip").add(VegaLite.tip("trial", "trial", false)).add(VegaLite.tip("metric", in.metric(), true))
                .add(VegaLite.tip("d.config", "config", false)).add(VegaLite.tip("d.seed", "seed", false))
                .add(VegaLite.tip("d.status", "status", false)).add(VegaLite.tip("d.attempt", "attempt", false));
        ObjectNode rule = layers.addObject();
        ArrayNode axisRows = VegaLite.array();
        axes.forEach(a -> axisRows.addObject().put("axis", a));
        rule.putObject("data").set("values", axisRows);
        rule.putObject("mark").put("type", "rule").put("color", "#888");
        rule.putObject("encoding").set("x", axis(axes));
        ObjectNode text = layers.addObject();
        text.putObject("data").set("values", ticks);
        text.putObject("mark").put("type", "text").put("dx", 4).put("align", "left").put("fontSize", 10);
        ObjectNode te = text.putObject("encoding");
        te.set("x", axis(axes));
        te.set("y", unitY());
        te.set("text", VegaLite.field("label", "nominal", null));
        return s;
    }

    /** One trial's point on one axis, at {@code pos} in [0, 1] of the axis's height. */
    private static void add(ArrayNode lines, JournalRow r, String axis, double pos, double metric) {
        ObjectNode row = lines.addObject().put("trial", r.trialId()).put("axis", axis).put("pos", pos).put("metric", metric);
        ObjectNode d = row.putObject("d");
        TrialDetails.of(r).forEach(d::put);
    }

    private static ObjectNode axis(List<String> axes) {
        ObjectNode x = VegaLite.field("axis", "nominal", null);
        x.putNull("title");
        ArrayNode sort = x.putArray("sort");
        axes.forEach(sort::add);
        x.putObject("axis").put("labelAngle", 0).put("orient", "bottom");
        x.putObject("scale").put("padding", 0.1);
        return x;
    }

    private static ObjectNode unitY() {
        ObjectNode y = VegaLite.field("pos", "quantitative", null);
        y.putObject("scale").putArray("domain").add(0).add(1);
        y.putNull("axis");
        return y;
    }

    /** The label at an axis's top or bottom: the range's bound, or the first and last category. */
    private static String end(Parameter p, boolean top) {
        if (p instanceof FloatParameter f) {
            return String.format(Locale.ROOT, "%.4g", top ? f.high() : f.low());
        }
        if (p instanceof IntParameter i) {
            return String.valueOf(top ? i.high() : i.low());
        }
        CategoricalParameter c = (CategoricalParameter) p;
        return String.valueOf(c.choices().get(top ? c.choices().size() - 1 : 0));
    }
}
