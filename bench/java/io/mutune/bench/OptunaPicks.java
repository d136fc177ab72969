package io.mutune.bench;

import io.mutune.transfer.bench.FinalSeeds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Optuna's picks, read from {@code optuna_mf_driver.py --picks}: at every multiple of the maximum
 * resource, the completed trials ranked by the value Optuna saw ({@code seed,checkpoint,rank,row,number,value}).
 * The plain pick at budget B is the first of the last ranking within B; the confirmed one re-trains
 * the first K of the ranking at B minus the confirmation's cost with S fresh seeds each, exactly as
 * {@link PickMethods} confirms mutune's methods, and ships the best mean.
 */
final class OptunaPicks {
    private OptunaPicks() { }

    record Ranked(int row, int number, double value) { }

    static List<PickBenchmark.Shipped> read(Path csv, TabularCurves curves, FinalSeeds finals, long full, double[] fractions)
            throws Exception {
        // seed -> checkpoint -> ranking
        Map<Integer, TreeMap<Long, List<Ranked>>> rankings = new TreeMap<>();
        for (String line : Files.readAllLines(csv)) {
            if (line.startsWith("seed")) {
                continue;
            }
            String[] f = line.split(",");
            rankings.computeIfAbsent(Integer.parseInt(f[0]), s -> new TreeMap<>())
                    .computeIfAbsent(Long.parseLong(f[1]), c -> new ArrayList<>())
                    .add(new Ranked(Integer.parseInt(f[3]), Integer.parseInt(f[4]), Double.parseDouble(f[5])));
        }
        long max = curves.rungs().maxResource();
        List<PickBenchmark.Shipped> out = new ArrayList<>();
        for (Map.Entry<Integer, TreeMap<Long, List<Ranked>>> e : rankings.entrySet()) {
            for (double fr : fractions) {
                long budget = Math.round(fr * full);
                Map.Entry<Long, List<Ranked>> plain = e.getValue().floorEntry(budget);
                if (plain == null || plain.getValue().isEmpty()) {
                    throw new IOException(csv + ": seed " + e.getKey() + " has no completed trial within " + budget);
                }
                Ranked first = plain.getValue().get(0);
                out.add(new PickBenchmark.Shipped("optuna-hb-tpe", false, e.getKey(), fr, plain.getKey(), first.row(), 1, first.value()));
                int[] ks = PickMethods.confirmPlan(budget, max);
                long confirmCost = (long) ks[0] * ks[1] * max;
                Map.Entry<Long, List<Ranked>> search = e.getValue().floorEntry(budget - confirmCost);
                List<Ranked> ranked = search == null || search.getValue().isEmpty() ? plain.getValue() : search.getValue();
                long spent = (search == null ? plain.getKey() : search.getKey()) + confirmCost;
                Ranked bestRanked = null;
                double bestMean = Double.POSITIVE_INFINITY;
                for (Ranked r : ranked.subList(0, Math.min(ks[0], ranked.size()))) {
                    double sum = r.value();
                    for (int k = 1; k <= ks[1]; k++) {
                        sum += finals.finalLoss(r.row(), PickBenchmark.seedIndex(r.number(), k));
                    }
                    double mean = sum / (ks[1] + 1);
                    if (mean < bestMean) {
                        bestMean = mean;
                        bestRanked = r;
                    }
                }
                out.add(new PickBenchmark.Shipped("optuna-hb-tpe", true, e.getKey(), fr, spent, bestRanked.row(), ks[1] + 1, bestMean));
            }
        }
        return out;
    }
}
