package io.mutune.bench;

import io.mutune.hpo.space.Configuration;
import io.mutune.hpo.space.SearchSpace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark functions (definitions from Surjanovic and Bingham's Virtual Library of Simulation
 * Experiments). bench/optuna_driver.py implements the same ones for Optuna.
 */
final class Functions {
    private Functions() { }

    static List<BenchFunction> all() {
        return List.of(branin(), hartmann3(), hartmann6(), rosenbrock4(), levy10(), mixed());
    }

    static BenchFunction byName(String name) {
        return all().stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown function " + name));
    }

    static double branin(double x, double y) {
        double a = 1;
        double b = 5.1 / (4 * Math.PI * Math.PI);
        double c = 5 / Math.PI;
        double t = 1 / (8 * Math.PI);
        return a * Math.pow(y - b * x * x + c * x - 6, 2) + 10 * (1 - t) * Math.cos(x) + 10;
    }

    static BenchFunction branin() {
        return simple("branin", box(new String[] {"x1", "x2"}, new double[] {-5, 0}, new double[] {10, 15}),
                c -> branin(c.getDouble("x1"), c.getDouble("x2")), 0.397887357729739);
    }

    private static final double[] H_ALPHA = {1.0, 1.2, 3.0, 3.2};

    static BenchFunction hartmann3() {
        double[][] a = {{3, 10, 30}, {0.1, 10, 35}, {3, 10, 30}, {0.1, 10, 35}};
        double[][] p = {{3689, 1170, 2673}, {4699, 4387, 7470}, {1091, 8732, 5547}, {381, 5743, 8828}};
        return simple("hartmann3", unitBox(3), c -> hartmann(x(c, 3), a, p), -3.86278214782076);
    }

    static BenchFunction hartmann6() {
        double[][] a = {{10, 3, 17, 3.5, 1.7, 8}, {0.05, 10, 17, 0.1, 8, 14}, {3, 3.5, 1.7, 10, 17, 8}, {17, 8, 0.05, 10, 0.1, 14}};
        double[][] p = {{1312, 1696, 5569, 124, 8283, 5886}, {2329, 4135, 8307, 3736, 1004, 9991},
            {2348, 1451, 3522, 2883, 3047, 6650}, {4047, 8828, 8732, 5743, 1091, 381}};
        return simple("hartmann6", unitBox(6), c -> hartmann(x(c, 6), a, p), -3.32236801141551);
    }

    static double hartmann(double[] x, double[][] a, double[][] p) {
        double s = 0;
        for (int i = 0; i < 4; i++) {
            double e = 0;
            for (int j = 0; j < x.length; j++) {
                e += a[i][j] * Math.pow(x[j] - p[i][j] * 1e-4, 2);
            }
            s += H_ALPHA[i] * Math.exp(-e);
        }
        return -s;
    }

    static BenchFunction rosenbrock4() {
        return simple("rosenbrock4", box(names(4), fill(4, -5), fill(4, 10)), c -> {
            double[] x = x(c, 4);
            double s = 0;
            for (int i = 0; i < 3; i++) {
                s += 100 * Math.pow(x[i + 1] - x[i] * x[i], 2) + Math.pow(x[i] - 1, 2);
            }
            return s;
        }, 0);
    }

    static BenchFunction levy10() {
        return simple("levy10", box(names(10), fill(10, -10), fill(10, 10)), c -> {
            double[] x = x(c, 10);
            int d = x.length;
            double[] w = new double[d];
            for (int i = 0; i < d; i++) {
                w[i] = 1 + (x[i] - 1) / 4;
            }
            double s = Math.pow(Math.sin(Math.PI * w[0]), 2);
            for (int i = 0; i < d - 1; i++) {
                s += Math.pow(w[i] - 1, 2) * (1 + 10 * Math.pow(Math.sin(Math.PI * w[i] + 1), 2));
            }
            s += Math.pow(w[d - 1] - 1, 2) * (1 + Math.pow(Math.sin(2 * Math.PI * w[d - 1]), 2));
            return s;
        }, 0);
    }

    /** Branin plus an int and a categorical term: mixed space, minimum 0.397887 at k = 3, act = b. */
    static BenchFunction mixed() {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("x1", Map.of("float", List.of(-5.0, 10.0)));
        spec.put("x2", Map.of("float", List.of(0.0, 15.0)));
        spec.put("k", Map.of("int", List.of(0, 10)));
        spec.put("act", Map.of("categorical", List.of("a", "b", "c", "d")));
        Map<String, Double> offset = Map.of("a", 1.0, "b", 0.0, "c", 2.0, "d", 3.0);
        return simple("mixed", SearchSpace.fromSpec(spec), c -> branin(c.getDouble("x1"), c.getDouble("x2"))
                + 0.5 * Math.pow(c.getLong("k") - 3, 2) + offset.get(c.getString("act")), 0.397887357729739);
    }

    private static double[] x(Configuration c, int d) {
        double[] x = new double[d];
        for (int i = 0; i < d; i++) {
            x[i] = c.getDouble("x" + (i + 1));
        }
        return x;
    }

    private static String[] names(int d) {
        String[] n = new String[d];
        for (int i = 0; i < d; i++) {
            n[i] = "x" + (i + 1);
        }
        return n;
    }

    private static double[] fill(int d, double v) {
        double[] a = new double[d];
        java.util.Arrays.fill(a, v);
        return a;
    }

    private static SearchSpace unitBox(int d) {
        return box(names(d), fill(d, 0), fill(d, 1));
    }

    private static SearchSpace box(String[] names, double[] low, double[] high) {
        Map<String, Object> spec = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            spec.put(names[i], Map.of("float", List.of(low[i], high[i])));
        }
        return SearchSpace.fromSpec(spec);
    }

    private static BenchFunction simple(String name, SearchSpace space, java.util.function.ToDoubleFunction<Configuration> f, double min) {
        return new BenchFunction() {
            public String name() {
                return name;
            }

            public SearchSpace space() {
                return space;
            }

            public double value(Configuration c) {
                return f.applyAsDouble(c);
            }

            public double minimum() {
                return min;
            }
        };
    }
}
