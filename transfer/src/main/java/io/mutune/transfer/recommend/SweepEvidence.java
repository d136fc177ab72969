package io.mutune.transfer.recommend;

import io.mutune.transfer.rules.AxisSelection;
import io.mutune.transfer.rules.BestLoss;
import io.mutune.transfer.rules.LossLaw;
import io.mutune.transfer.rules.LossPrediction;
import io.mutune.transfer.rules.NoiseEstimate;
import io.mutune.transfer.rules.TrialObservation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * What a sweep says independently of any one hyperparameter: the seed noise at each scale point
 * (and pooled), each scale point's best loss, and bootstrap draws of those best losses for the
 * loss prediction. Built once per recommendation.
 */
final class SweepEvidence {

    final Map<Map<String, Double>, NoiseEstimate> noise = new LinkedHashMap<>();
    final NoiseEstimate pooledNoise;
    final List<BestLoss> best = new ArrayList<>();
    final double[][] bestDraws;
    private final Set<String> axes;

    SweepEvidence(ScalePoints points, RecommenderSettings settings, SplittableRandom random) {
        axes = points.axes();
        points.byScale().forEach((scale, trials) -> noise.put(scale, NoiseEstimate.of(trials, RecommenderSettings.CONFIDENCE)));
        pooledNoise = NoiseEstimate.pool(new ArrayList<>(noise.values()), RecommenderSettings.CONFIDENCE);
        bestDraws = new double[points.byScale().size()][];
        int s = 0;
        for (Map.Entry<Map<String, Double>, List<TrialObservation>> e : points.byScale().entrySet()) {
            NoiseEstimate n = noiseAt(e.getKey());
            best.add(BestLoss.of(e.getKey(), e.getValue(), n));
            bestDraws[s++] = BestLoss.bootstrap(e.getValue(), n, settings.bootstrapResamples(), random.split());
        }
    }

    /** The loss expected at {@code target} from the best losses' power law, or null. */
    LossPrediction lossAt(Map<String, Double> target) {
        Set<String> varying = new TreeSet<>();
        for (String axis : axes) {
            if (best.stream().filter(BestLoss::known).map(b -> b.scale().get(axis)).distinct().count() > 1) {
                varying.add(axis);
            }
        }
        List<String> lawAxes = AxisSelection.select("loss", varying);
        for (String a : lawAxes) {
            if (!target.containsKey(a)) {
                return null;
            }
        }
        return LossLaw.predict(best, bestDraws, lawAxes, target, RecommenderSettings.CONFIDENCE);
    }

    /**
     * The noise that standard errors at {@code scale} use: the pooled estimate. Relative seed noise
     * is about the same at every width (the proxy benchmarks: 4.7 % at width 128, 5.6 % at 512),
     * while one scale point's own estimate rests on few degrees of freedom and, when it comes out
     * low by chance, made a wider-is-worse check fire on noise. Each point's own estimate is kept
     * in {@link #noise} for the report.
     */
    NoiseEstimate noiseAt(Map<String, Double> scale) {
        return pooledNoise;
    }
}
