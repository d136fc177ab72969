package io.mutune.jobs.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mutune.jobs.diff.DiffEntry;
import java.util.List;
import java.util.Locale;

/** The publish diff as a chart: each recommendation's relative change from the previous publish, coloured by whether it moved beyond its interval. */
final class DiffChart {
    private DiffChart() { }

    static List<Chart> build(PublishDiff diff) {
        if (diff == null || diff.from() == 0) {
            return List.of();
        }
        ArrayNode rows = VegaLite.array();
        for (DiffEntry d : diff.entries()) {
            if (Double.isFinite(d.relativeChange())) {
                rows.addObject().put("key", d.hyperparameter() + " at " + d.targetScale()).put("change", 100 * d.relativeChange())
                        .put("kind", d.change().name().toLowerCase(Locale.ROOT))
                        .put("before", d.before().value()).put("after", d.after().value());
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        ObjectNode s = VegaLite.spec("change from publish " + diff.from() + " to " + diff.to());
        s.put("height", Math.max(60, 22 * rows.size()));
        s.putObject("data").set("values", rows);
        s.putObject("mark").put("type", "bar");
        ObjectNode enc = s.putObject("encoding");
        enc.set("y", VegaLite.field("key", "nominal", null));
        enc.set("x", VegaLite.field("change", "quantitative", "relative change, %"));
        ObjectNode color = VegaLite.field("kind", "nominal", "change");
        ObjectNode scale = color.putObject("scale");
        scale.putArray("domain").add("within").add("moved");
        scale.putArray("range").add("#54a24b").add("#e45756");
        enc.set("color", color);
        enc.putArray("tooltip").add(VegaLite.tip("key", "recommendation", false)).add(VegaLite.tip("kind", "change", false))
                .add(VegaLite.tip("before", "before", true)).add(VegaLite.tip("after", "after", true)).add(VegaLite.tip("change", "change, %", true));
        return List.of(Chart.interactive("diff", "change from the previous publish", s,
                "Red: the new value lies outside the old interval or the old value outside the new one (mutune diff calls it moved)."));
    }
}
