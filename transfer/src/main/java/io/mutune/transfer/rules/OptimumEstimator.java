package io.mutune.transfer.rules;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Estimates one hyperparameter's optimum at one scale point: a local quadratic in fit space
 * (log hp for positive hyperparameters) around the best final-resource value, the argmin when
 * that is ill-posed, the plateau band, the edge-of-range flag and the divergence threshold.
 */
public final class OptimumEstimator {

    private final double plateauTolerance;

    /** @param plateauTolerance relative loss tolerance of the plateau band, e.g. 0.0025 */
    public OptimumEstimator(double plateauTolerance) {
        if (!(plateauTolerance >= 0) || Double.isInfinite(plateauTolerance)) {
            throw new IllegalArgumentException("plateau tolerance must be finite and >= 0, got " + plateauTolerance);
        }
        this.plateauTolerance = plateauTolerance;
    }

    /** The optimum, or empty when no trial at this scale point completed at its final resource. */
    public Optional<ScaleOptimum> estimate(Map<String, Double> scale, String hyperparameter, FitSpace space,
                                           List<TrialObservation> trials) {
        LossProfile profile = LossProfile.of(trials, hyperparameter, space);
        return estimate(scale, hyperparameter, space, profile);
    }

    /** The optimum read from an already built profile. */
    public Optional<ScaleOptimum> estimate(Map<String, Double> scale, String hyperparameter, FitSpace space,
                                           LossProfile profile) {
        List<ProfilePoint> points = profile.points();
        int best = profile.argmin();
        if (best < 0) {
            return Optional.empty();
        }
        double bestLoss = points.get(best).loss();
        long finite = points.stream().filter(p -> !p.diverged()).count();
        LocalQuadratic.Result q = LocalQuadratic.fit(points, best, LocalQuadratic.neighboursFor((int) finite));
        double x = q.ok() ? q.vertex() : points.get(best).x();

        double threshold = bestLoss + plateauTolerance * Math.abs(bestLoss);
        int lo = best;
        while (lo > 0 && !points.get(lo - 1).diverged() && points.get(lo - 1).loss() <= threshold) {
            lo--;
        }
        int hi = best;
        while (hi + 1 < points.size() && !points.get(hi + 1).diverged() && points.get(hi + 1).loss() <= threshold) {
            hi++;
        }
        double bandLo = Math.min(points.get(lo).x(), x);
        double bandHi = Math.max(points.get(hi).x(), x);

        RangeEdge edge = best == 0 ? RangeEdge.LOWER : best == points.size() - 1 ? RangeEdge.UPPER : RangeEdge.NONE;
        Double divergence = null;
        for (int i = best + 1; i < points.size(); i++) {
            if (points.get(i).diverged()) {
                divergence = space.fromFit(points.get(i).x());
                break;
            }
        }
        double value = space.fromFit(x);
        // exp(log v) can differ from the band ends by an ulp; keep the band containing the value.
        double lower = Math.min(space.fromFit(bandLo), value);
        double upper = Math.max(space.fromFit(bandHi), value);
        return Optional.of(new ScaleOptimum(hyperparameter, scale, space, value, lower, upper,
                q.ok() ? OptimumMethod.QUADRATIC : OptimumMethod.ARGMIN, q.reason(), edge, divergence,
                profile.trials(), profile.finalTrials(), profile.finalResource(), bestLoss));
    }
}
