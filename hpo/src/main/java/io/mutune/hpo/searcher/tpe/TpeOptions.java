package io.mutune.hpo.searcher.tpe;

import io.mutune.hpo.searcher.Options;
import java.util.Map;

/**
 * Settings of the multivariate TPE searcher.
 *
 * @param startupTrials  trials sampled at random before the model is used
 * @param candidates     draws from the good density l(x) scored by l(x)/g(x)
 * @param gammaFraction  share of observations called good: {@code min(ceil(gamma n), gammaCap)}
 * @param gammaCap       the most observations the good group holds
 * @param priorWeight    weight of the uniform prior component in each estimator
 * @param constantLiar   count running trials as bad (worst score) so parallel workers spread out
 * @param recombinedCandidates how many of the candidates draw each coordinate from its own
 *                       component (recombining good coordinates); the rest draw jointly
 * @param bandwidthFactor multiplies the Scott-rule kernel width (1.06 is Scott's normal reference)
 * @param minGroup       the fewest observations each group holds. BOHB (Falkner et al. 2018) sets
 *                       it to {@code d + 1}, so each density has enough points for a kernel per
 *                       dimension, and lets the two groups overlap while there are fewer than
 *                       {@code 2 (d + 1)}; 1 is plain TPE
 * @param maxBad         the most points the bad density is fitted to: past it, a seeded sample of
 *                       the bad observations (every running trial kept), so an ask stays within
 *                       tens of milliseconds at 10,000 observations. A kernel density from a
 *                       random sample of its points estimates the same density, with more noise
 */
public record TpeOptions(int startupTrials, int candidates, double gammaFraction, int gammaCap,
                         double priorWeight, boolean constantLiar, double bandwidthFactor,
                         int recombinedCandidates, int minGroup, int maxBad) {

    /** The bad density's default cap. */
    public static final int MAX_BAD = 1024;

    /**
     * 48 candidates, all recombined: against Optuna's TPESampler on the six functions of bench/hpo.sh,
     * 48 was ahead on all six over 40 seeds where 24 trailed on Levy-10 (docs/benchmarks.md).
     */
    public static final TpeOptions DEFAULTS = new TpeOptions(10, 48, 0.125, 25, 1.0, true, 1.06, 48, 1, MAX_BAD);

    /** Plain TPE: groups of at least one observation. */
    public TpeOptions(int startupTrials, int candidates, double gammaFraction, int gammaCap, double priorWeight,
                      boolean constantLiar, double bandwidthFactor, int recombinedCandidates) {
        this(startupTrials, candidates, gammaFraction, gammaCap, priorWeight, constantLiar, bandwidthFactor,
                recombinedCandidates, 1, MAX_BAD);
    }

    /** With the default cap on the bad density's points. */
    public TpeOptions(int startupTrials, int candidates, double gammaFraction, int gammaCap, double priorWeight,
                      boolean constantLiar, double bandwidthFactor, int recombinedCandidates, int minGroup) {
        this(startupTrials, candidates, gammaFraction, gammaCap, priorWeight, constantLiar, bandwidthFactor,
                recombinedCandidates, minGroup, MAX_BAD);
    }

    public TpeOptions {
        if (startupTrials < 1 || candidates < 1 || gammaCap < 1) {
            throw new IllegalArgumentException("TPE needs startupTrials, candidates, gammaCap >= 1, got "
                    + startupTrials + ", " + candidates + ", " + gammaCap);
        }
        if (!(gammaFraction > 0 && gammaFraction < 1)) {
            throw new IllegalArgumentException("TPE gamma must be in (0, 1), got " + gammaFraction);
        }
        if (!(bandwidthFactor > 0)) {
            throw new IllegalArgumentException("TPE bandwidth factor must be > 0, got " + bandwidthFactor);
        }
        if (minGroup < 1) {
            throw new IllegalArgumentException("TPE min_group must be >= 1, got " + minGroup);
        }
        if (maxBad < 2) {
            throw new IllegalArgumentException("TPE max_bad must be >= 2, got " + maxBad);
        }
        if (!(priorWeight > 0)) {
            throw new IllegalArgumentException("TPE prior weight must be > 0, got " + priorWeight);
        }
    }

    /** Reads {@code n_startup, candidates, gamma, gamma_cap, prior_weight, constant_liar, min_group, max_bad}; others keep defaults. */
    public static TpeOptions from(Map<String, Object> o) {
        return new TpeOptions(
                Options.intOf(o, "n_startup", DEFAULTS.startupTrials),
                Options.intOf(o, "candidates", DEFAULTS.candidates),
                Options.doubleOf(o, "gamma", DEFAULTS.gammaFraction),
                Options.intOf(o, "gamma_cap", DEFAULTS.gammaCap),
                Options.doubleOf(o, "prior_weight", DEFAULTS.priorWeight),
                Options.boolOf(o, "constant_liar", DEFAULTS.constantLiar),
                Options.doubleOf(o, "bandwidth_factor", DEFAULTS.bandwidthFactor),
                Options.intOf(o, "recombined_candidates", DEFAULTS.recombinedCandidates),
                Options.intOf(o, "min_group", DEFAULTS.minGroup),
                Options.intOf(o, "max_bad", DEFAULTS.maxBad));
    }
}
