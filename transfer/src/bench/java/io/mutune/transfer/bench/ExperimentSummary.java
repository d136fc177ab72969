package io.mutune.transfer.bench;

import io.mutune.transfer.recommend.Recommendation;
import io.mutune.transfer.rules.FitSpace;
import io.mutune.transfer.rules.OptimumEstimator;
import io.mutune.transfer.rules.ScaleOptimum;
import io.mutune.transfer.rules.TrialObservation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The figures the benchmark reports for one parametrization, plus what the plots need. */
final class ExperimentSummary {

    private ExperimentSummary() {
    }

    static Map<String, Object> of(TransferExperiment e, String model, double targetWidth) {
        Recommendation lr = e.recommendations.stream().filter(r -> r.hyperparameter().equals("lr")).findFirst().orElseThrow();
        List<TrialObservation> direct = new ArrayList<>();
        for (int i = 0; i < e.directTrials.size(); i++) {
            direct.add(e.directTrials.get(i).observation("d" + i));
        }
        Map<String, Double> target = Map.of("width", targetWidth);
        ScaleOptimum directOptimum = new OptimumEstimator(0.0025).estimate(target, "lr", FitSpace.LOG, direct).orElseThrow();
        // With several seeds at the target, losses are per-configuration means; the compute share
        // compares against one seed's direct sweep, the sweep a user would run.
        Map<Double, List<Double>> directByLr = new java.util.TreeMap<>();
        e.directTrials.forEach(t -> directByLr.computeIfAbsent(t.config().getDouble("lr"), k -> new ArrayList<>())
                .add(t.diverged() ? Double.POSITIVE_INFINITY : t.loss()));
        Map.Entry<Double, List<Double>> directBest = directByLr.entrySet().stream()
                .min(java.util.Comparator.comparingDouble(en -> mean(en.getValue()))).orElseThrow();
        double directBestLoss = mean(directBest.getValue());
        double recommendedLoss = mean(e.recommendedRuns.stream().map(t -> t.diverged() ? Double.POSITIVE_INFINITY : t.loss()).toList());
        int seeds = e.recommendedRuns.size();
        double proxySeconds = e.proxyTrials.stream().mapToDouble(BenchTrial::seconds).sum();
        double directSeconds = e.directTrials.stream().mapToDouble(BenchTrial::seconds).sum() / seeds;
        double proxyFlops = e.proxyTrials.stream().mapToDouble(BenchTrial::flops).sum();
        double directFlops = e.directTrials.stream().mapToDouble(BenchTrial::flops).sum() / seeds;

        Map<String, Object> s = new LinkedHashMap<>();
        s.put("model", model);
        s.put("parametrization", e.recommendedRuns.get(0).parametrization());
        s.put("targetSeeds", seeds);
        s.put("targetWidth", targetWidth);
        s.put("recommendedLr", lr.value());
        s.put("recommendedLrInterval", new double[] {lr.lower(), lr.upper()});
        s.put("lrVerdict", lr.verdict().name());
        s.put("lrRule", lr.ruleForm());
        s.put("lrCoefficients", lr.coefficients());
        s.put("lrCoefficientIntervals", lr.coefficientIntervals());
        s.put("lrValidationLogError", lr.validationLogError());
        s.put("lrValidationLossError", lr.validationLossError());
        s.put("directOptimumLr", directOptimum.value());
        s.put("directOptimumMethod", directOptimum.method().name());
        s.put("directArgminLr", directBest.getKey());
        s.put("lrRatio", lr.value() / directOptimum.value());
        s.put("recommendedLoss", recommendedLoss);
        s.put("directBestLoss", directBestLoss);
        s.put("lossGap", (recommendedLoss - directBestLoss) / directBestLoss);
        s.put("proxyTrials", e.proxyTrials.size());
        s.put("directTrials", e.directTrials.size());
        s.put("proxySeconds", proxySeconds);
        s.put("directSeconds", directSeconds);
        s.put("computeShareTime", proxySeconds / directSeconds);
        s.put("computeShareFlops", proxyFlops / directFlops);
        s.put("recommendations", e.recommendations.stream().map(r -> r.toJson()).toList());
        s.put("curve", e.curve.stream().map(r -> Map.of("hyperparameter", r.hyperparameter(),
                "width", r.targetScale().get("width"), "value", r.value(), "lower", r.lower(), "upper", r.upper())).toList());
        s.put("proxy", trialRows(e.proxyTrials));
        s.put("direct", trialRows(e.directTrials));
        s.put("recommendedRun", trialRows(e.recommendedRuns));
        return s;
    }

    private static double mean(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    private static List<Map<String, Object>> trialRows(List<BenchTrial> trials) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (BenchTrial t : trials) {
            Map<String, Object> row = new LinkedHashMap<>(t.config().values());
            row.put("width", t.width());
            row.put("loss", t.diverged() ? null : t.loss());
            row.put("diverged", t.diverged());
            row.put("seconds", t.seconds());
            rows.add(row);
        }
        return rows;
    }
}
