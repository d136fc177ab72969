package io.mutune.transfer.rules;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Estimates one hyperparameter's optimum at one scale point: a local quadratic in fit space
 * (log hp for positive hyperparameters) around the best final-resource value, weighted by each
 * point's noise when replicates measured it; the argmin when the quadratic is ill-posed; the
 * plateau band; the edge-of-range flag and the divergence threshold.
 *
 * <p>The plateau band holds the contiguous values whose loss cannot be told from the best: within
 * two standard errors of the difference when the seed noise is known, within a fixed relative
 * tolerance (the Step Law's 0.25 %) when it is not.
 */
public final class OptimumEstimator {

    /** Standard errors of a difference that count as "within noise" (about 95 %). */
    static final double NOISE_BAND_Z = 2.0;

    private final double plateauTolerance;

    /** @param plateauTolerance relative loss tolerance of the plateau band when the noise is unknown, e.g. 0.0025 */
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
        return estimate(scale, hyperparameter, space, profile, NoiseEstimate.of(trials, 0.95));
    }

    /** The optimum read from an already built profile, the noise unknown. */
    public Optional<ScaleOptimum> estimate(Map<String, Double> scale, String hyperparameter, FitSpace space,
                                           LossProfile profile) {
        return estimate(scale, hyperparameter, space, profile, NoiseEstimate.UNKNOWN);
    }

    /** The optimum read from an already built profile, with the noise measured at this scale point. */
    public Optional<ScaleOptimum> estimate(Map<String, Double> scale, String hyperparameter, FitSpace space,
                                           LossProfile profile, NoiseEstimate noise) {
        List<ProfilePoint> points = profile.points();
        int best = profile.argmin();
        if (best < 0) {
            return Optional.empty();
        }
        ProfilePoint top = points.get(best);
        double bestLoss = top.loss();
        long finite = points.stream().filter(p -> !p.diverged()).count();
        LocalQuadratic.Result q = LocalQuadratic.fit(points, best, LocalQuadratic.neighboursFor((int) finite),
                weights(points, noise));
        double x = q.ok() ? q.vertex() : top.x();

        int lo = best;
        while (lo > 0 && withinNoise(points.get(lo - 1), top, noise)) {
            lo--;
        }
        int hi = best;
        while (hi + 1 < points.size() && withinNoise(points.get(hi + 1), top, noise)) {
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
                profile.trials(), profile.finalTrials(), profile.finalResource(), bestLoss, profile.spacing(best),
                top.runs(), noise, Double.NaN, Double.NaN, q.ok() ? Math.min(q.minimum(), bestLoss) : bestLoss));
    }

    private boolean withinNoise(ProfilePoint p, ProfilePoint best, NoiseEstimate noise) {
        if (p.diverged()) {
            return false;
        }
        if (!noise.known()) {
            return p.loss() <= best.loss() + plateauTolerance * Math.abs(best.loss());
        }
        double se = Math.hypot(p.standardError(noise), best.standardError(noise));
        return p.loss() <= best.loss() + NOISE_BAND_Z * se;
    }

    /** 1 / variance of each point's mean when the noise is known (replicates count), else equal weights. */
    private static double[] weights(List<ProfilePoint> points, NoiseEstimate noise) {
        double[] w = new double[points.size()];
        for (int i = 0; i < w.length; i++) {
            double se = points.get(i).diverged() ? Double.NaN : points.get(i).standardError(noise);
            w[i] = Double.isFinite(se) && se > 0 ? 1 / (se * se) : 1;
        }
        return w;
    }
}
