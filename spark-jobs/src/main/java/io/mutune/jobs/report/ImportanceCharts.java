package io.mutune.jobs.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mutune.connectors.journal.JournalRow;
import io.mutune.hpo.importance.Importance;
import io.mutune.hpo.importance.PedAnova;
import io.mutune.hpo.space.Configuration;
import io.mutune.hpo.space.SearchSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Hyperparameter importance per scale point, by PED-ANOVA ({@link PedAnova}): one bar per
 * hyperparameter and scale point, its share of the importance. Computed from the trials that ended
 * at one resource ({@link TrialLevel}); a scale point with too few is named in the note instead.
 */
public final class ImportanceCharts {
    private ImportanceCharts() { }

    public static List<Chart> build(ReportInputs in) {
        Map<String, List<JournalRow>> byScale = FinalTrials.lastRowsByScale(in.rows());
        PedAnova ped = PedAnova.defaults();
        ArrayNode rows = VegaLite.array();
        List<String> used = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<String> order = new ArrayList<>();
        for (String scale : FinalTrials.orderedScales(byScale)) {
            TrialLevel level = TrialLevel.of(scale, rowsAt(in, scale), in.metric());
            SearchSpace space = level.rows().isEmpty() ? null : TrialSpace.of(in.space(), level.rows());
            if (space == null || level.rows().size() < Math.max(ped.minTrials(), TrialLevel.ENOUGH)) {
                skipped.add(scale + " (" + level.rows().size() + " trials)");
                continue;
            }
            List<Configuration> configs = level.rows().stream().map(r -> TrialSpace.project(space, Configuration.fromJson(r.configJson()))).toList();
            double[] metric = level.metric(in.metric());
            double[] loss = "max".equals(in.mode()) ? java.util.Arrays.stream(metric).map(v -> -v).toArray() : metric;
            for (Importance imp : ped.evaluate(space, configs, loss)) {
                rows.addObject().put("scale", scale).put("hyperparameter", imp.parameter()).put("share", imp.share())
                        .put("divergence", imp.divergence()).put("trials", level.rows().size()).put("resource", level.resource());
                if (!order.contains(imp.parameter())) {
                    order.add(imp.parameter());
                }
            }
            used.add(String.format(Locale.ROOT, "%s: %d trials at resource %d", scale, level.rows().size(), level.resource()));
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        String note = "PED-ANOVA (Watanabe et al., 2023): how differently the best 10% of trials are spread over each hyperparameter "
                + "than all trials are; shares add up to 1 per scale point. " + String.join("; ", used) + "."
                + (skipped.isEmpty() ? "" : " Too few trials for importance at " + String.join(", ", skipped) + ".");
        return List.of(Chart.interactive("importance", "hyperparameter importance per scale point", spec(rows, order), note));
    }

    private static List<JournalRow> rowsAt(ReportInputs in, String scale) {
        return in.rows().stream().filter(r -> r.scaleKey().equals(scale)).toList();
    }

    private static ObjectNode spec(ArrayNode rows, List<String> order) {
        ObjectNode s = VegaLite.spec("hyperparameter importance per scale point");
        s.putObject("data").set("values", rows);
        s.putObject("mark").put("type", "bar");
        ObjectNode enc = s.putObject("encoding");
        ObjectNode y = VegaLite.field("hyperparameter", "nominal", null);
        ArrayNode sort = y.putArray("sort");
        order.forEach(sort::add);
        enc.set("y", y);
        enc.set("x", VegaLite.field("share", "quantitative", "share of importance"));
        enc.set("yOffset", VegaLite.field("scale", "nominal", null));
        enc.set("color", VegaLite.field("scale", "nominal", "scale point"));
        ArrayNode tip = enc.putArray("tooltip");
        tip.add(VegaLite.tip("scale", "scale point", false)).add(VegaLite.tip("hyperparameter", "hyperparameter", false))
                .add(VegaLite.tip("share", "share", true)).add(VegaLite.tip("divergence", "Pearson divergence", true))
                .add(VegaLite.tip("trials", "trials", false)).add(VegaLite.tip("resource", "at resource", false));
        return s;
    }
}
