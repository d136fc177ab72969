package io.mutune.transfer.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The markdown tables of the benchmark: optimum per width, its movement, throughput. */
final class Summary {
    private Summary() {
    }

    static String markdown(List<LrSweep> sweeps) {
        StringBuilder b = new StringBuilder();
        b.append("| model | parametrization | width | optimal lr (grid) | optimal lr (parabola fit) | best val_loss |\n|---|---|---|---|---|---|\n");
        for (LrSweep s : sweeps) {
            for (int w : s.widths()) {
                b.append(String.format(Locale.ROOT, "| %s | %s | %d | %.4g | %.4g | %.4f |%n", s.model, s.parametrization, w,
                        s.optimum(w), s.fittedOptimum(w), s.bestLoss(w)));
            }
        }
        b.append("\n| model | parametrization | optimum spread, grid (√2 steps) | spread, fitted (√2 steps) | optimum(smallest)/optimum(largest), grid | same, fitted |\n|---|---|---|---|---|---|\n");
        for (LrSweep s : sweeps) {
            b.append(String.format(Locale.ROOT, "| %s | %s | %.0f | %.1f | %.3g | %.3g |%n", s.model, s.parametrization,
                    s.optimumSpreadInGridSteps(false), s.optimumSpreadInGridSteps(true), s.drift(false), s.drift(true)));
        }
        b.append("\n| model | width | throughput (units/s, all trials of the width) |\n|---|---|---|\n");
        for (LrSweep s : sweeps) {
            if (!s.parametrization.startsWith("mup")) {
                continue;
            }
            String unit = s.model.equals("mlp") ? "samples/s" : "tokens/s";
            for (Map.Entry<Integer, Double> e : s.throughput().entrySet()) {
                b.append(String.format(Locale.ROOT, "| %s | %d | %.0f %s |%n", s.model, e.getKey(), e.getValue(), unit));
            }
        }
        return b.toString();
    }
}
