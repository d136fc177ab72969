package io.mutune.jobs.cli;

import io.mutune.hpo.searcher.grid.GridSearcher;
import io.mutune.hpo.space.SearchSpace;
import io.mutune.jobs.spec.SweepSpec;
import java.util.Locale;
import java.util.Optional;

/** The line a grid sweep starts with when its budget covers only part of the grid. */
final class GridCoverage {
    private GridCoverage() { }

    static Optional<String> describe(SweepSpec spec) {
        if (!spec.search().algorithm().equals("grid")) {
            return Optional.empty();
        }
        GridSearcher grid = GridSearcher.fromOptions(SearchSpace.fromSpec(spec.search().space()), spec.search().options());
        int trials = spec.search().trialsPerScale();
        if (trials >= grid.size()) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "grid: %d points per scale point %s; trials_per_scale %d visits %.2g%% of them,"
                + " in an order shuffled by the seed (raise trials_per_scale or set search.options.points_per_axis to cover it)",
                grid.size(), grid.valuesPerParameter(), trials, 100.0 * trials / grid.size()));
    }
}
