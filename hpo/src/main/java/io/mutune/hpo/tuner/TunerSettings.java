package io.mutune.hpo.tuner;

import java.util.regex.Pattern;

/**
 * How a tuner runs.
 *
 * @param seed           every random choice derives from it (per trial number, never a shared RNG)
 * @param maxTrials      how many trials may be started; at least 1
 * @param maxResource    the resource one trial trains to at full fidelity (steps, epochs...);
 *                       schedulers never ask beyond it
 * @param trialIdPrefix  trial ids are {@code prefix + "-t" + 4-digit number}, e.g. {@code w256-t0003}
 * @param mode           {@code "min"} or {@code "max"}: whether a lower or a higher metric is better
 * @param replication    seed replicates per configuration and the confirmation of the best ones
 */
public record TunerSettings(long seed, int maxTrials, long maxResource, String trialIdPrefix, String mode,
                            Replication replication) {
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_.:-]*");

    public TunerSettings {
        if (maxTrials < 1) {
            throw new IllegalArgumentException("maxTrials must be >= 1, got " + maxTrials);
        }
        if (maxResource < 1) {
            throw new IllegalArgumentException("maxResource must be >= 1, got " + maxResource);
        }
        if (trialIdPrefix == null || !PREFIX.matcher(trialIdPrefix).matches()) {
            throw new IllegalArgumentException("trialIdPrefix must match " + PREFIX + ", got '" + trialIdPrefix + "'");
        }
        if (!"min".equals(mode) && !"max".equals(mode)) {
            throw new IllegalArgumentException("mode must be \"min\" or \"max\", got '" + mode + "'");
        }
        if (replication == null) {
            throw new IllegalArgumentException("replication is null; use Replication.NONE for one run per configuration");
        }
        if (replication.confirmTopK() > maxTrials) {
            throw new IllegalArgumentException("search.confirm.top_k: " + replication.confirmTopK()
                    + " is more than the trials per scale point (" + maxTrials + ")");
        }
    }

    /** One run per configuration, no confirmation. */
    public TunerSettings(long seed, int maxTrials, long maxResource, String trialIdPrefix, String mode) {
        this(seed, maxTrials, maxResource, trialIdPrefix, mode, Replication.NONE);
    }

    /** The same settings with another replication. */
    public TunerSettings withReplication(Replication r) {
        return new TunerSettings(seed, maxTrials, maxResource, trialIdPrefix, mode, r);
    }

    /** The id of trial {@code number}: prefix, "-t", the number on 4 digits (more when it needs them). */
    public String trialId(int number) {
        return trialIdPrefix + "-t" + String.format("%04d", number);
    }

    /** The metric turned into a score to minimise. */
    public double score(double metric) {
        return "max".equals(mode) ? -metric : metric;
    }
}
