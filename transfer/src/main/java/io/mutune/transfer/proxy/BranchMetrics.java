package io.mutune.transfer.proxy;

import io.mutune.hpo.space.Configuration;
import io.mutune.transfer.rules.TrialObservation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a run at the longest token horizon reports the shorter horizons whose decays it branched
 * off (see {@link DecayBranches}): in its journal row's metrics, as {@code val_loss@tokens=1000000}
 * and {@code train_loss@tokens=1000000} per horizon, and {@code branch_steps}, the decay steps the
 * branches trained on top of the run itself. The fit reads them back as observations at those
 * horizons.
 */
public final class BranchMetrics {
    /** Metric key: decay steps the branches of this segment trained beyond the run itself. */
    public static final String BRANCH_STEPS = "branch_steps";
    private static final String AT = "@tokens=";

    private BranchMetrics() {
    }

    /** {@code metric@tokens=T}, T written as a whole number when it is one. */
    public static String name(String metric, double tokens) {
        return metric + AT + TrialHorizon.format(tokens);
    }

    /**
     * The observations a journal row carries for the horizons branched off it: one per
     * {@code metric@tokens=T} key, at the row's scale point with tokens T, as a run completed to
     * the whole horizon ({@code fullResource}, i.e. {@code search.resource.max}). Its trial id is
     * the row's with {@code @tokens=T} appended; a NaN metric is a branch that diverged.
     */
    public static List<TrialObservation> observations(String trialId, Map<String, Double> scale, Configuration config,
                                                      Map<String, Double> metrics, String metric, long fullResource) {
        List<TrialObservation> out = new ArrayList<>();
        String prefix = metric + AT;
        metrics.forEach((key, value) -> {
            if (!key.startsWith(prefix)) {
                return;
            }
            double tokens;
            try {
                tokens = Double.parseDouble(key.substring(prefix.length()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("trial " + trialId + " has metric '" + key + "', whose horizon is not a number", e);
            }
            Map<String, Double> at = new LinkedHashMap<>(scale);
            at.put("tokens", tokens);
            out.add(new TrialObservation(trialId + AT + TrialHorizon.format(tokens), at, config, fullResource,
                    value == null ? Double.NaN : value, value == null || !Double.isFinite(value)));
        });
        return out;
    }
}
