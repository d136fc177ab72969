package io.mutune.hpo.tuner;

import io.mutune.hpo.space.Configuration;

/**
 * The configuration a trial's weights were trained with over {@code [fromResource, toResource)}.
 * A trial's schedule is one step for a fixed configuration; for a PBT member it is the lineage:
 * the steps of the members it copied, up to the copy, then its own.
 */
public record ScheduleStep(long fromResource, long toResource, Configuration config) {

    public ScheduleStep {
        if (fromResource < 0 || toResource <= fromResource) {
            throw new IllegalArgumentException("schedule step must have 0 <= from < to, got " + fromResource + " .. " + toResource);
        }
    }
}
