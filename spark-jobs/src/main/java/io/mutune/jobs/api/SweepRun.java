package io.mutune.jobs.api;

import io.mutune.jobs.spec.SweepSpec;
import io.mutune.jobs.sweep.SweepResult;
import io.mutune.transfer.recommend.Recommendation;
import java.util.List;

/**
 * What {@link Mutune#sweep} did: the trials it journalled, the recommendations it fitted and the
 * recommendations-table version its publish wrote (-1 when nothing was a number, so nothing was published).
 */
public record SweepRun(SweepSpec spec, SweepResult result, List<Recommendation> recommendations, long publishVersion) {
    public SweepRun {
        recommendations = List.copyOf(recommendations);
    }

    public String sweepId() {
        return result.sweepId();
    }
}
