package io.mutune.jobs.report;

import java.util.Locale;

/** File- and id-safe names for hyperparameters and scale points. */
final class Ids {
    private Ids() { }

    static String safe(String s) {
        String out = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-");
        return out.isEmpty() ? "x" : out;
    }
}
