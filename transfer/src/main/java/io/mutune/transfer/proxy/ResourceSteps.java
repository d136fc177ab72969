package io.mutune.transfer.proxy;

/**
 * Converts between a segment's resource and optimizer steps. The resource counts steps, samples
 * or tokens (steps times what a step consumes), or, with a tokens axis, a fraction of the
 * trial's horizon: resource {@code r} is step {@code r * horizon / resourceMax}, so
 * {@code search.resource.max} is the whole horizon at every scale point and a trial run to it
 * completes its schedule's decay. A boundary between steps rounds up to the next step.
 *
 * @param unit           steps, samples, tokens or horizon
 * @param unitsPerStep   samples or tokens per step (1 for steps)
 * @param horizonSteps   the horizon in steps (horizon unit)
 * @param resourceMax    the resource that stands for the whole horizon (horizon unit)
 */
record ResourceSteps(String unit, long unitsPerStep, long horizonSteps, long resourceMax) {

    /** The conversion for a trial of {@code spec} with this horizon, at a scale point that has (or not) a tokens axis. */
    static ResourceSteps of(ProxySpec spec, TrialHorizon horizon, boolean tokensAxis) {
        String unit = spec.resourceUnit().equals("auto") ? (tokensAxis ? "horizon" : "steps") : spec.resourceUnit();
        if (unit.equals("horizon")) {
            if (!tokensAxis) {
                throw new IllegalArgumentException("proxy.resource_unit: 'horizon' needs a tokens axis in scales");
            }
            if (spec.sweep().resourceMax() <= 0) {
                throw new IllegalArgumentException("proxy.resource_unit: 'horizon' needs the sweep's search.resource.max; "
                        + "build the runner with ProxyRunners.forSweep");
            }
            return new ResourceSteps(unit, 1, horizon.steps(), spec.sweep().resourceMax());
        }
        return new ResourceSteps(unit, unit.equals("steps") ? 1 : horizon.tokensPerStep(), 0, 0);
    }

    /** The first step at or after {@code resource}. */
    long step(long resource) {
        if (unit.equals("horizon")) {
            return ceilDiv(Math.multiplyExact(resource, horizonSteps), resourceMax);
        }
        return ceilDiv(resource, unitsPerStep);
    }

    /** The resource a learning-curve point after {@code step} steps reports. */
    long resource(long step) {
        if (unit.equals("horizon")) {
            return Math.multiplyExact(step, resourceMax) / horizonSteps;
        }
        return step * unitsPerStep;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
