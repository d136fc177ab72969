package io.mutune.transfer.rules;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The best loss reached at one scale point: the lowest mean final-resource loss over its
 * configurations (each averaged over its seed replicates), and how well that mean is known.
 *
 * @param scale the scale point
 * @param loss  the lowest mean; NaN when nothing completed at the final resource
 * @param runs  how many runs that mean is over
 * @param se    its standard error from the scale point's seed noise; NaN when the noise is unknown
 */
public record BestLoss(Map<String, Double> scale, double loss, int runs, double se) {

    public BestLoss {
        scale = Map.copyOf(scale);
    }

    public static BestLoss of(Map<String, Double> scale, List<TrialObservation> trials, NoiseEstimate noise) {
        double[] lossRuns = lowestMean(trials);
        return new BestLoss(scale, lossRuns[0], (int) lossRuns[1], noise.standardError(lossRuns[0], (int) lossRuns[1]));
    }

    /** {@code [best mean, runs]}: configurations any of whose runs diverged are left out. */
    static double[] lowestMean(List<TrialObservation> trials) {
        double best = Double.NaN;
        int runs = 0;
        for (List<TrialObservation> g : BootstrapOptima.byConfiguration(trials)) {
            if (g.stream().anyMatch(TrialObservation::isDiverged)) {
                continue;
            }
            long top = trials.stream().filter(t -> !t.isDiverged()).mapToLong(TrialObservation::resource).max().orElse(-1);
            double[] m = g.stream().filter(t -> t.resource() == top).mapToDouble(TrialObservation::metric).toArray();
            if (m.length == 0) {
                continue;
            }
            double mean = java.util.Arrays.stream(m).average().orElseThrow();
            if (Double.isNaN(best) || mean < best) {
                best = mean;
                runs = m.length;
            }
        }
        return new double[] {best, Math.max(runs, 1)};
    }

    /** {@code resamples} bootstrap draws of the best loss (configurations and their replicates resampled). */
    public static double[] bootstrap(List<TrialObservation> trials, NoiseEstimate noise, int resamples, SplittableRandom random) {
        List<List<TrialObservation>> groups = BootstrapOptima.byConfiguration(trials);
        double[] out = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            out[b] = lowestMean(BootstrapOptima.resample(groups, noise, random))[0];
        }
        return out;
    }

    public boolean known() {
        return Double.isFinite(loss);
    }
}
