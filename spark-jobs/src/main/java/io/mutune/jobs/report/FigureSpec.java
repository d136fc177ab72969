package io.mutune.jobs.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mutune.transfer.chart.Band;
import io.mutune.transfer.chart.Figure;
import io.mutune.transfer.chart.Series;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A {@link Figure} as a layered Vega-Lite spec: bands, lines, points (hovering one shows its
 * details), error bars and guide rules, one colour per legend group. Clicking a legend entry
 * picks that group (e.g. one scale point) and fades the others; dragging pans, the wheel zooms.
 */
final class FigureSpec {
    private static final String PICK = "pick";

    private FigureSpec() { }

    static ObjectNode of(Figure f) {
        ObjectNode spec = VegaLite.spec(f.title());
        ArrayNode layers = spec.putArray("layer");
        Set<String> detailKeys = detailKeys(f);
        ArrayNode bands = bandRows(f);
        ArrayNode lines = VegaLite.array();
        ArrayNode points = VegaLite.array();
        ArrayNode bars = VegaLite.array();
        for (int i = 0; i < f.series().size(); i++) {
            Series s = f.series().get(i);
            for (int k = 0; k < s.size(); k++) {
                if (!f.drawable(s.x()[k], s.y()[k])) {
                    continue;
                }
                ObjectNode row = row(i, k, s);
                if (s.joined()) {
                    lines.add(row.deepCopy().put("dashed", s.dashed()));
                }
                if (s.mark() != Series.Mark.NONE) {
                    points.add(row.deepCopy().put("mark", s.mark().name().toLowerCase(Locale.ROOT)));
                }
                if (s.yLow() != null && f.drawable(s.x()[k], s.yLow()[k]) && f.drawable(s.x()[k], s.yHigh()[k])) {
                    bars.add(row.deepCopy().put("lo", s.yLow()[k]).put("hi", s.yHigh()[k]));
                }
            }
        }
        boolean picked = false;
        if (!bands.isEmpty()) {
            ObjectNode area = layer(f, bands, VegaLite.object().put("type", "area").put("opacity", 0.2), "lo", false);
            ((ObjectNode) area.get("encoding")).set("y2", VegaLite.object().put("field", "hi"));
            ((ObjectNode) area.get("encoding")).set("detail", VegaLite.field("band", "nominal", null));
            layers.add(area);
        }
        if (!lines.isEmpty()) {
            ObjectNode l = layer(f, lines, VegaLite.object().put("type", "line").put("strokeWidth", 1.6), "y", true);
            ObjectNode enc = (ObjectNode) l.get("encoding");
            enc.set("detail", VegaLite.field("s", "nominal", null));
            enc.set("order", VegaLite.field("k", "quantitative", null));
            enc.set("strokeDash", dashScale());
            enc.set("tooltip", tooltip(f, detailKeys, false));
            addParams(l);
            picked = true;
            layers.add(l);
        }
        if (!points.isEmpty()) {
            ObjectNode p = layer(f, points, VegaLite.object().put("type", "point").put("filled", true).put("size", 45), "y", true);
            ObjectNode enc = (ObjectNode) p.get("encoding");
            enc.set("shape", shapeScale());
            enc.set("tooltip", tooltip(f, detailKeys, true));
            if (!picked) {
                addParams(p);
            }
            layers.add(p);
        }
        if (!bars.isEmpty()) {
            ObjectNode b = layer(f, bars, VegaLite.object().put("type", "rule").put("strokeWidth", 1.4), "lo", true);
            ((ObjectNode) b.get("encoding")).set("y2", VegaLite.object().put("field", "hi"));
            layers.add(b);
        }
        if (!f.xGuides().isEmpty()) {
            ArrayNode g = VegaLite.array();
            f.xGuides().forEach(x -> g.add(VegaLite.object().put("x", x)));
            ObjectNode rule = VegaLite.object();
            rule.putObject("data").set("values", g);
            rule.set("mark", VegaLite.object().put("type", "rule").put("color", "#999").set("strokeDash", VegaLite.array().add(2).add(3)));
            rule.putObject("encoding").set("x", VegaLite.position("x", f.xLabel(), f.xLog()));
            layers.add(rule);
        }
        return spec;
    }

    private static ObjectNode row(int series, int k, Series s) {
        ObjectNode row = VegaLite.object().put("s", series).put("k", k).put("group", s.group()).put("x", s.x()[k]).put("y", s.y()[k]);
        if (!s.details().isEmpty()) {
            ObjectNode d = row.putObject("d");
            s.details().get(k).forEach(d::put);
        }
        return row;
    }

    private static ArrayNode bandRows(Figure f) {
        ArrayNode rows = VegaLite.array();
        for (int i = 0; i < f.bands().size(); i++) {
            Band b = f.bands().get(i);
            for (int k = 0; k < b.x().length; k++) {
                if (f.drawable(b.x()[k], b.low()[k]) && f.drawable(b.x()[k], b.high()[k])) {
                    rows.add(VegaLite.object().put("band", i).put("group", b.group()).put("x", b.x()[k]).put("lo", b.low()[k]).put("hi", b.high()[k]));
                }
            }
        }
        return rows;
    }

    /** A layer of {@code rows} with the figure's axes and colours; faded unless its group is picked (or none is). */
    private static ObjectNode layer(Figure f, ArrayNode rows, ObjectNode mark, String yField, boolean fades) {
        ObjectNode l = VegaLite.object();
        l.putObject("data").set("values", rows);
        l.set("mark", mark);
        ObjectNode enc = l.putObject("encoding");
        enc.set("x", VegaLite.position("x", f.xLabel(), f.xLog()));
        enc.set("y", VegaLite.position(yField, f.yLabel(), f.yLog()));
        ObjectNode color = VegaLite.field("group", "nominal", "");
        ArrayNode domain = color.putObject("scale").putArray("domain");
        f.groups().forEach(domain::add);
        enc.set("color", color);
        if (fades) {
            ObjectNode opacity = enc.putObject("opacity");
            opacity.putObject("condition").put("param", PICK).put("value", 1);
            opacity.put("value", 0.12);
        }
        return l;
    }

    private static void addParams(ObjectNode layer) {
        ArrayNode params = layer.putArray("params");
        ObjectNode pick = params.addObject().put("name", PICK);
        pick.putObject("select").put("type", "point").set("fields", VegaLite.array().add("group"));
        pick.put("bind", "legend");
        params.addObject().put("name", "zoom").put("select", "interval").put("bind", "scales");
    }

    private static ArrayNode tooltip(Figure f, Set<String> detailKeys, boolean withXy) {
        ArrayNode t = VegaLite.array();
        t.add(VegaLite.tip("group", "series", false));
        if (withXy) {
            t.add(VegaLite.tip("x", f.xLabel(), true));
            t.add(VegaLite.tip("y", f.yLabel(), true));
        }
        detailKeys.forEach(k -> t.add(VegaLite.tip("d." + k, k, false)));
        return t;
    }

    private static ObjectNode dashScale() {
        ObjectNode d = VegaLite.field("dashed", "nominal", null);
        ObjectNode scale = d.putObject("scale");
        scale.putArray("domain").add(false).add(true);
        scale.putArray("range").add(VegaLite.array().add(1).add(0)).add(VegaLite.array().add(6).add(4));
        d.putNull("legend");
        return d;
    }

    private static ObjectNode shapeScale() {
        ObjectNode sh = VegaLite.field("mark", "nominal", null);
        ObjectNode scale = sh.putObject("scale");
        scale.putArray("domain").add("dot").add("cross").add("diamond");
        scale.putArray("range").add("circle").add("cross").add("diamond");
        sh.putNull("legend");
        return sh;
    }

    /** Every key any point's details have, in first-seen order; a key must be a plain name (it becomes a field path). */
    private static Set<String> detailKeys(Figure f) {
        Set<String> keys = new LinkedHashSet<>();
        for (Series s : f.series()) {
            for (Map<String, String> d : s.details()) {
                for (String k : d.keySet()) {
                    if (!k.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                        throw new IllegalArgumentException("a point detail's name must be letters, digits or '_', got '" + k + "'");
                    }
                    keys.add(k);
                }
            }
        }
        return keys;
    }
}
