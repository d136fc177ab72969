package io.mutune.jobs.report;

import io.mutune.connectors.journal.JournalRow;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** What hovering a point shows: for a trial, its id, configuration, seed, status, attempt and resource. */
final class TrialDetails {
    private TrialDetails() { }

    /** Details in the order given: {@code name, value, name, value, ...}. */
    static Map<String, String> ordered(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("details come in name-value pairs, got " + namesAndValues.length + " strings");
        }
        Map<String, String> d = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            d.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return d;
    }

    static Map<String, String> of(JournalRow r) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("trial", r.trialId());
        d.put("config", r.configJson());
        d.put("seed", String.valueOf(r.seed()));
        d.put("status", r.status().name().toLowerCase(Locale.ROOT));
        d.put("attempt", String.valueOf(r.attempt()));
        d.put("resource", String.valueOf(r.resource()));
        if (r.parentTrial() != null) {
            d.put("parent", r.parentTrial());
        }
        return d;
    }
}
