package io.mutune.jobs.sweep;

import io.mutune.connectors.open.ClasspathLibrary;
import io.mutune.hpo.runner.TrialRunner;
import io.mutune.jobs.external.CommandSpec;
import io.mutune.jobs.external.ExternalCommandRunner;
import io.mutune.jobs.spec.SweepSpec;
import io.mutune.transfer.proxy.ProxyRunners;

/** The trial runner a spec's {@code proxy:} names: a DJL proxy, or the external program for {@code model: command}. */
public final class SpecRunners {
    private SpecRunners() { }

    public static TrialRunner forSpec(SweepSpec spec) {
        if ("command".equals(spec.model())) {
            return new ExternalCommandRunner(CommandSpec.fromProxySection(spec.proxy()), spec.resources().trialTimeoutSeconds());
        }
        // Refused here, on the driver, before a trial starts: the executors get the same jars (spark.jars).
        ClasspathLibrary.DJL.require("proxy.model: " + spec.model());
        return ProxyRunners.forSweep(spec.proxy(), spec.scales(), spec.search().resource().max());
    }
}
