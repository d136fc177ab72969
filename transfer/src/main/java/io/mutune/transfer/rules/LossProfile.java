package io.mutune.transfer.rules;

import io.mutune.hpo.space.Configuration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Loss against one hyperparameter at one scale point: the lower envelope over the other
 * hyperparameters, at the final resource only (lower rungs of a multi-fidelity search are not
 * comparable). Repeats of one configuration (seed replicates) are averaged first, and each point
 * remembers over how many runs, so that its noise is known; a configuration any of
 * whose repeats diverged counts as diverged, at whatever resource it stopped.
 *
 * @param points        sorted by x; diverged values carry an infinite loss
 * @param finalResource the largest resource a completed trial reached here
 * @param trials        every trial at this scale point
 * @param finalTrials   completed trials at the final resource
 */
public record LossProfile(List<ProfilePoint> points, long finalResource, int trials, int finalTrials) {

    public LossProfile {
        points = List.copyOf(points);
    }

    /** Builds the profile of {@code hyperparameter} from the trials of one scale point. */
    public static LossProfile of(List<TrialObservation> trials, String hyperparameter, FitSpace space) {
        long finalResource = trials.stream().filter(t -> !t.isDiverged())
                .mapToLong(TrialObservation::resource).max().orElse(-1);
        Map<Configuration, double[]> sumCountDiverged = new LinkedHashMap<>();
        int finalTrials = 0;
        for (TrialObservation t : trials) {
            boolean atFinal = !t.isDiverged() && t.resource() == finalResource;
            if (!atFinal && !t.isDiverged()) {
                continue;
            }
            finalTrials += atFinal ? 1 : 0;
            double[] acc = sumCountDiverged.computeIfAbsent(t.config(), c -> new double[3]);
            if (t.isDiverged()) {
                acc[2] = 1;
            } else {
                acc[0] += t.metric();
                acc[1] += 1;
            }
        }
        // Key by the fit-space value rounded to 1e-9 so that 1e-3 read back from JSON groups with 1e-3.
        TreeMap<Long, double[]> byValue = new TreeMap<>();
        for (Map.Entry<Configuration, double[]> e : sumCountDiverged.entrySet()) {
            double x = space.toFit(valueOf(e.getKey(), hyperparameter));
            double[] acc = e.getValue();
            double loss = acc[2] > 0 ? Double.POSITIVE_INFINITY : acc[0] / acc[1];
            double[] cell = byValue.computeIfAbsent(Math.round(x * 1e9), k -> new double[] {x, Double.POSITIVE_INFINITY, 0, 1});
            if (loss < cell[1]) {
                cell[1] = loss;
                cell[3] = Math.max(1, acc[1]);
            }
            cell[2] += 1;
        }
        List<ProfilePoint> points = new ArrayList<>();
        byValue.values().forEach(c -> points.add(new ProfilePoint(c[0], c[1], (int) c[2], (int) c[3])));
        points.sort(Comparator.comparingDouble(ProfilePoint::x));
        return new LossProfile(points, finalResource, trials.size(), finalTrials);
    }

    static double valueOf(Configuration config, String hyperparameter) {
        if (!config.has(hyperparameter)) {
            throw new IllegalArgumentException("a trial's configuration has no hyperparameter '" + hyperparameter
                    + "'; it has " + config.values().keySet());
        }
        return config.getDouble(hyperparameter);
    }

    /** Index of the lowest finite loss, or -1 when every point diverged. */
    public int argmin() {
        int best = -1;
        for (int i = 0; i < points.size(); i++) {
            if (!points.get(i).diverged() && (best < 0 || points.get(i).loss() < points.get(best).loss())) {
                best = i;
            }
        }
        return best;
    }

    /**
     * The grid spacing around point {@code i} in fit space: the mean distance to its neighbours
     * (the one neighbour at an end; 0 for a one-point profile). An optimum read off a grid is
     * known no better than this, whatever the bootstrap says.
     */
    public double spacing(int i) {
        if (points.size() < 2) {
            return 0;
        }
        if (i == 0) {
            return points.get(1).x() - points.get(0).x();
        }
        if (i == points.size() - 1) {
            return points.get(i).x() - points.get(i - 1).x();
        }
        return (points.get(i + 1).x() - points.get(i - 1).x()) / 2;
    }

    /** The loss at x by linear interpolation between the neighbouring points; NaN outside the range or next to a diverged point. */
    public double lossAt(double x) {
        for (int i = 0; i + 1 < points.size(); i++) {
            ProfilePoint a = points.get(i);
            ProfilePoint b = points.get(i + 1);
            if (x >= a.x() && x <= b.x()) {
                if (a.diverged() || b.diverged()) {
                    return x == a.x() ? a.loss() : x == b.x() ? b.loss() : Double.NaN;
                }
                double t = (x - a.x()) / (b.x() - a.x());
                return a.loss() + t * (b.loss() - a.loss());
            }
        }
        return points.size() == 1 && points.get(0).x() == x ? points.get(0).loss() : Double.NaN;
    }
}
