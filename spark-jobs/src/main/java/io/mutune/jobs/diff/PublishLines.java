package io.mutune.jobs.diff;

import io.mutune.connectors.recommend.PublishResult;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * What a publish prints after the sweep summary: how many rows it wrote, and every row it kept
 * with the reason, so a user sees at once that a weaker sweep did not replace a recommendation
 * (and how to make it, with {@code --force}).
 */
public final class PublishLines {
    private PublishLines() { }

    public static void print(PrintStream out, String table, PublishResult publish) {
        List<DiffEntry> entries = RecommendationDiff.ofPublish(publish);
        List<DiffEntry> kept = RecommendationDiff.kept(entries);
        long moved = RecommendationDiff.moved(entries).size();
        if (publish.committed()) {
            out.printf(Locale.ROOT, "  published %d row(s) to %s as version %d%s%s%n", publish.written().size(), table, publish.version(),
                    moved == 0 ? "" : ", " + moved + " moved beyond their interval", kept.isEmpty() ? "" : ", kept " + kept.size());
        } else {
            out.printf(Locale.ROOT, "  published nothing to %s: every row this sweep offered is weaker than the one there (version %d stays)%n",
                    table, publish.version());
        }
        for (DiffEntry d : kept) {
            out.printf(Locale.ROOT, "  kept %s at %s: %s%n", d.hyperparameter(), new TreeMap<>(d.targetScale()), d.reason());
        }
    }
}
