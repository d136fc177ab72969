package io.mutune.jobs.report;

import io.mutune.connectors.journal.JournalRow;
import io.mutune.connectors.journal.TrialStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Journal rows of the kinds multi-fidelity schedulers and PBT write: trials stopped at rungs, exploits with a parent trial. */
final class SyntheticJournal {
    private final List<JournalRow> rows = new ArrayList<>();
    private long seq;

    List<JournalRow> rows() {
        return rows;
    }

    /** One ended segment with a learning curve that falls from 2.0 at a rate set by lr. */
    SyntheticJournal segment(double width, String trial, int number, String parent, double lr, long from, long to, TrialStatus status) {
        return segment(width, trial, number, parent, Map.of("lr", lr), from, to, status);
    }

    /** The same with more hyperparameters than lr; only lr shapes the curve. */
    SyntheticJournal segment(double width, String trial, int number, String parent, Map<String, Double> config, long from, long to,
                             TrialStatus status) {
        double lr = config.get("lr");
        StringBuilder curve = new StringBuilder("[");
        double loss = Double.NaN;
        for (long r = from + 10; r <= to; r += 10) {
            loss = status == TrialStatus.DIVERGED && r == to ? Double.NaN : 0.3 + 1.7 * Math.exp(-r * lr / 5) + Math.abs(Math.log(lr / 0.05)) * 0.05;
            curve.append(curve.length() > 1 ? "," : "").append(String.format(Locale.ROOT, "[%d,{\"val_loss\":%s}]", r,
                    Double.isNaN(loss) ? "\"NaN\"" : String.valueOf(loss)));
        }
        curve.append("]");
        String key = "w" + (int) width;
        rows.add(new JournalRow("synthetic", seq++, key, width, null, null, null, trial, number, parent,
                configJson(config), from, to, to,
                Double.isNaN(loss) ? Map.of() : Map.of("val_loss", loss), curve.toString(), status, 0, "0", null, null, 1L, null,
                Instant.EPOCH, Instant.EPOCH));
        return this;
    }

    private static String configJson(Map<String, Double> config) {
        return new io.mutune.hpo.space.Configuration(new java.util.TreeMap<>(config)).toJson();
    }
}
