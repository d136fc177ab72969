package io.mutune.transfer.bench;

import io.mutune.hpo.runner.SegmentResult;
import io.mutune.hpo.runner.TrialContext;
import io.mutune.hpo.runner.TrialRunner;
import io.mutune.hpo.runner.TrialSegment;
import io.mutune.hpo.space.Configuration;
import java.util.Map;
import java.util.function.Function;

/**
 * Trains one configuration at one width through a {@link TrialRunner} (the DJL proxies of the
 * transfer module), timing it and estimating its FLOPs.
 */
final class ProxyTrainer {

    private final Function<Map<String, Object>, TrialRunner> runners;
    private final Map<String, Object> baseSpec;
    private final String metric;
    private final long steps;
    private final long seed;
    private final Function<Double, Double> flopsPerStep;
    private int counter;

    ProxyTrainer(Function<Map<String, Object>, TrialRunner> runners, Map<String, Object> baseSpec, String metric,
                 long steps, long seed, Function<Double, Double> flopsPerStep) {
        this.runners = runners;
        this.baseSpec = Map.copyOf(baseSpec);
        this.metric = metric;
        this.steps = steps;
        this.seed = seed;
        this.flopsPerStep = flopsPerStep;
    }

    BenchTrial train(String stage, String parametrization, double width, Configuration config) throws Exception {
        return train(stage, parametrization, width, config, seed);
    }

    /** As above with another trial seed (other init and batch order, same task): a repeat. */
    BenchTrial train(String stage, String parametrization, double width, Configuration config, long trialSeed) throws Exception {
        Map<String, Object> spec = new java.util.LinkedHashMap<>(baseSpec);
        spec.put("parametrization", parametrization);
        TrialRunner runner = runners.apply(spec);
        String id = stage + "-" + parametrization + "-w" + (int) width + "-" + (counter++);
        long start = System.nanoTime();
        SegmentResult r = runner.run(new TrialSegment(id, config, Map.of("width", width), 0, steps, null, null, trialSeed),
                TrialContext.cpu());
        double seconds = (System.nanoTime() - start) / 1e9;
        boolean diverged = r.outcome() != SegmentResult.Outcome.COMPLETED;
        double loss = diverged ? Double.NaN : r.metrics().getOrDefault(metric, Double.NaN);
        return new BenchTrial(stage, parametrization, width, config, diverged ? r.resource() : steps, loss,
                diverged || !Double.isFinite(loss), seconds, flopsPerStep.apply(width) * steps);
    }
}
