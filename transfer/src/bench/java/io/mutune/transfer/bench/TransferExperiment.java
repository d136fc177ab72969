package io.mutune.transfer.bench;

import io.mutune.hpo.space.Configuration;
import io.mutune.transfer.recommend.Recommendation;
import io.mutune.transfer.recommend.Recommender;
import io.mutune.transfer.recommend.RecommenderSettings;
import io.mutune.transfer.rules.TrialObservation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One parametrization's run of the benchmark: sweep the proxies, recommend for the target width,
 * train the recommendation there, and run the direct LR sweep at the target to compare against.
 */
final class TransferExperiment {
    /**
     * {@code -Dbench.targetSeedOffset}: the target's runs use seeds {@code seed + offset + s}, held
     * out from the proxies' {@code seed + repeat} (0 keeps the earlier figures' seeds).
     */
    static final long TARGET_SEED_OFFSET = Long.getLong("bench.targetSeedOffset", 0L);

    private final ProxyTrainer trainer;
    private final SweepGrid grid;
    private final String parametrization;
    private final long seed;
    final List<BenchTrial> proxyTrials = new ArrayList<>();
    final List<BenchTrial> directTrials = new ArrayList<>();
    final List<BenchTrial> recommendedRuns = new ArrayList<>();
    List<Recommendation> recommendations;
    List<Recommendation> curve;

    TransferExperiment(ProxyTrainer trainer, SweepGrid grid, String parametrization, long seed) {
        this.trainer = trainer;
        this.grid = grid;
        this.parametrization = parametrization;
        this.seed = seed;
    }

    TransferExperiment run() throws Exception {
        return run(e -> { });
    }

    /**
     * Runs the experiment; {@code afterDirectTrial} sees it after every direct trial, so a caller
     * can write partial results. The direct sweep runs its learning rates nearest the
     * recommendation first (in log distance), so a run cut short keeps the informative points.
     */
    TransferExperiment run(java.util.function.Consumer<TransferExperiment> afterDirectTrial) throws Exception {
        List<Map<String, Double>> targets = targets();
        if (grid.staged()) {
            recommendStaged(targets);
        } else {
            for (double width : grid.proxyWidths()) {
                sweepProxy(width);
            }
            List<String> hps = new ArrayList<>();
            hps.add("lr");
            hps.addAll(grid.multipliers().keySet());
            // The bootstrap runs once for the target and the plots' width curve.
            List<Recommendation> all = Recommender.recommend(observations(proxyTrials), hps, targets,
                    RecommenderSettings.defaults(seed, parametrization));
            recommendations = all.subList(0, hps.size());
            curve = all.subList(hps.size(), all.size());
        }
        Map<String, Object> recommended = new LinkedHashMap<>();
        recommendations.forEach(r -> recommended.put(r.hyperparameter(), r.value()));
        log("recommended at width " + grid.targetWidth() + ": " + recommended);
        long targetSeed = seed + TARGET_SEED_OFFSET;
        for (int s = 0; s < grid.targetSeeds(); s++) {
            recommendedRuns.add(trainer.train("recommended", parametrization, grid.targetWidth(), new Configuration(recommended), targetSeed + s));
            log("  recommended run loss " + recommendedRuns.get(s).loss() + " (seed " + (targetSeed + s) + ")");
        }
        double recommendedLr = ((Number) recommended.get("lr")).doubleValue();
        List<Double> directOrder = new ArrayList<>(grid.directLrGrid());
        directOrder.sort(Comparator.comparingDouble(lr -> Math.abs(Math.log(lr / recommendedLr))));
        for (double lr : directOrder) {
            Map<String, Object> c = new LinkedHashMap<>(recommended);
            c.put("lr", lr);
            for (int s = 0; s < grid.targetSeeds(); s++) {
                directTrials.add(trainer.train("direct", parametrization, grid.targetWidth(), new Configuration(c), targetSeed + s));
                log("  direct lr " + lr + " loss " + directTrials.get(directTrials.size() - 1).loss()
                        + String.format(" (seed %d, %.1f s)", targetSeed + s, directTrials.get(directTrials.size() - 1).seconds()));
                afterDirectTrial.accept(this);
            }
        }
        return this;
    }

    /** The target, then a width curve for the plots. */
    private List<Map<String, Double>> targets() {
        List<Map<String, Double>> targets = new ArrayList<>();
        targets.add(Map.of("width", grid.targetWidth()));
        for (double w = 16; w <= 2 * grid.targetWidth(); w *= Math.sqrt(2)) {
            targets.add(Map.of("width", w));
        }
        return targets;
    }

    private static List<TrialObservation> observations(List<BenchTrial> trials) {
        List<TrialObservation> observations = new ArrayList<>();
        for (int i = 0; i < trials.size(); i++) {
            observations.add(trials.get(i).observation("t" + i));
        }
        return observations;
    }

    /**
     * The staged protocol: multipliers from full searches at the cheap widths; then, at every proxy
     * width, an LR sweep with the multipliers at their rule's value for that width; the LR rule is
     * fitted to those sweeps alone, so every LR optimum it sees was taken at the multipliers the
     * target will use. (The joint protocol fits the LR to per-width optima taken at each width's own
     * best multipliers, and the LR optimum moves with the output multiplier.)
     */
    private void recommendStaged(List<Map<String, Double>> targets) throws Exception {
        for (double width : grid.multiplierWidths()) {
            sweepProxy(width);
        }
        List<String> multipliers = List.copyOf(grid.multipliers().keySet());
        List<TrialObservation> searched = observations(proxyTrials);
        List<Recommendation> multiplierCurve = Recommender.recommend(searched, multipliers, targets,
                RecommenderSettings.defaults(seed, parametrization));
        List<BenchTrial> lrTrials = new ArrayList<>();
        for (double width : grid.proxyWidths()) {
            List<Recommendation> here = Recommender.recommend(searched, multipliers, List.of(Map.of("width", width)),
                    RecommenderSettings.defaults(seed, parametrization));
            Map<String, Object> c = new LinkedHashMap<>();
            here.forEach(r -> c.put(r.hyperparameter(), r.value()));
            // Repeats (other seeds) of each point: the LR curves are flat near their optimum, where one
            // seed's noise moves a 7-point grid's optimum by a grid step; the rules average repeats.
            for (int repeat = 0; repeat < grid.lrRepeats(); repeat++) {
                for (double lr : grid.lrGrid()) {
                    c.put("lr", lr);
                    lrTrials.add(trainer.train("proxy", parametrization, width, new Configuration(new LinkedHashMap<>(c)), seed + repeat));
                }
            }
            log(parametrization + " width " + (int) width + ": LR sweep at " + c + " x " + grid.lrRepeats() + " seeds, best single run lr "
                    + bestOf(lrTrials.subList(lrTrials.size() - grid.lrRepeats() * grid.lrGrid().size(), lrTrials.size())).config().getDouble("lr"));
        }
        proxyTrials.addAll(lrTrials);
        List<Recommendation> lrCurve = Recommender.recommend(observations(lrTrials), List.of("lr"), targets,
                RecommenderSettings.defaults(seed, parametrization));
        recommendations = new ArrayList<>();
        recommendations.add(lrCurve.get(0));
        recommendations.addAll(multiplierCurve.subList(0, multipliers.size()));
        curve = new ArrayList<>(lrCurve.subList(1, lrCurve.size()));
        curve.addAll(multiplierCurve.subList(multipliers.size(), multiplierCurve.size()));
    }

    private void sweepProxy(double width) throws Exception {
        Map<String, Object> best = new LinkedHashMap<>();
        best.put("lr", grid.lrGrid().get(0));
        grid.multipliers().keySet().forEach(m -> best.put(m, 1.0));
        List<BenchTrial> here = new ArrayList<>();
        for (double lr : grid.lrGrid()) {
            Map<String, Object> c = new LinkedHashMap<>(best);
            c.put("lr", lr);
            here.add(trainer.train("proxy", parametrization, width, new Configuration(c)));
        }
        best.put("lr", bestOf(here).config().getDouble("lr"));
        for (Map.Entry<String, List<Double>> m : grid.multipliers().entrySet()) {
            for (double v : m.getValue()) {
                if (v == ((Number) best.get(m.getKey())).doubleValue()) {
                    continue; // already trained with this value
                }
                Map<String, Object> c = new LinkedHashMap<>(best);
                c.put(m.getKey(), v);
                here.add(trainer.train("proxy", parametrization, width, new Configuration(c)));
            }
            best.put(m.getKey(), bestOf(here).config().getDouble(m.getKey()));
        }
        // The first LR sweep ran at the base multipliers, but the LR optimum moves with them (the
        // output multiplier scales the readout's updates): sweep LR again, within two grid steps
        // of the first optimum, at the best multipliers.
        int first = grid.lrGrid().indexOf(((Number) best.get("lr")).doubleValue());
        for (int i = Math.max(0, first - 2); i <= Math.min(grid.lrGrid().size() - 1, first + 2); i++) {
            if (i == first || grid.multipliers().isEmpty()) {
                continue; // trained with the best multipliers during their sweeps
            }
            Map<String, Object> c = new LinkedHashMap<>(best);
            c.put("lr", grid.lrGrid().get(i));
            Configuration config = new Configuration(c);
            if (here.stream().anyMatch(t -> t.config().equals(config))) {
                continue; // the best multipliers are the base ones: the first LR sweep trained this (trials are deterministic)
            }
            here.add(trainer.train("proxy", parametrization, width, config));
        }
        best.put("lr", bestOf(here).config().getDouble("lr"));
        proxyTrials.addAll(here);
        log(parametrization + " width " + (int) width + ": " + here.size() + " trials, best " + best
                + " loss " + bestOf(here).loss() + " (" + String.format("%.1f", here.stream().mapToDouble(BenchTrial::seconds).sum()) + " s)");
    }

    static BenchTrial bestOf(List<BenchTrial> trials) {
        return trials.stream().filter(t -> !t.diverged()).min(Comparator.comparingDouble(BenchTrial::loss))
                .orElseThrow(() -> new IllegalStateException("every benchmark trial diverged"));
    }

    static void log(String line) {
        System.out.println("[" + java.time.LocalTime.now().withNano(0) + "] " + line);
    }
}
