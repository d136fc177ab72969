package io.mutune.transfer.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which scale axes a hyperparameter's rule gets exponents on. By default every axis the sweep
 * varies, in the order width, depth, params, tokens, batch, then the rest alphabetically. Two joint
 * forms follow the Step Law ("Predictable Scale"): when a {@code params} axis (N) varies it replaces
 * width and depth, giving lr*(N, D); and a batch-size hyperparameter scales with the data size
 * only, giving batch*(D), when tokens vary.
 */
public final class AxisSelection {

    private static final List<String> ORDER = List.of("width", "depth", "params", "tokens", "batch");

    private AxisSelection() {
    }

    public static List<String> select(String hyperparameter, Set<String> varyingAxes) {
        List<String> axes = new ArrayList<>();
        ORDER.stream().filter(varyingAxes::contains).forEach(axes::add);
        varyingAxes.stream().filter(a -> !ORDER.contains(a)).sorted().forEach(axes::add);
        if (axes.contains("params")) {
            axes.remove("width");
            axes.remove("depth");
        }
        if (isBatchSize(hyperparameter) && axes.contains("tokens")) {
            return List.of("tokens");
        }
        return List.copyOf(axes);
    }

    static boolean isBatchSize(String hyperparameter) {
        return hyperparameter.toLowerCase(Locale.ROOT).contains("batch");
    }
}
