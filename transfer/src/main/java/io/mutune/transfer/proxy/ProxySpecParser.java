package io.mutune.transfer.proxy;

import io.mutune.transfer.optim.ScheduleSpec;
import io.mutune.transfer.param.ExponentParametrization;
import io.mutune.transfer.param.Parametrization;
import io.mutune.transfer.param.Parametrizations;
import java.util.Map;
import java.util.Set;

/** Reads the spec's {@code proxy:} section (Jackson's YAML maps) into a {@link ProxySpec}. */
final class ProxySpecParser {
    private static final Set<String> KEYS = Set.of("model", "parametrization", "optimizer", "base", "data",
            "batch_size", "eval_every", "validation_size", "schedule", "grad_clip", "readout_zero_init",
            "residual", "activation", "resource_unit", "threads", "beta1", "beta2", "epsilon", "momentum", "context", "vocab", "fixed_heads");

    private ProxySpecParser() {
    }

    static ProxySpec parse(Map<String, Object> section) {
        if (section == null) {
            throw new IllegalArgumentException("proxy: missing section; expected {model, parametrization, optimizer, base, data, ...}");
        }
        SpecReader r = new SpecReader("proxy", section, KEYS);
        String model = r.choice("model", null, Set.of("mlp", "transformer", "command"));
        if (model.equals("command")) {
            throw new IllegalArgumentException("proxy.model: 'command' proxies are run by the external-command runner in spark-jobs, not by "
                    + ProxyRunners.class.getName());
        }
        Parametrization p = Parametrizations.fromSpec("proxy.parametrization", r.has("parametrization") ? r.raw("parametrization") : "mup");
        String opt = r.choice("optimizer", "adamw", Set.of("adamw", "adam", "sgd"));
        OptimizerSettings optimizer = new OptimizerSettings(opt, unit(r, "beta1", 0.9), unit(r, "beta2", 0.999),
                positive(r, "epsilon", 1e-8), unit(r, "momentum", 0.0),
                ScheduleSpec.fromSpec("proxy.schedule", r.raw("schedule")), nonNegative(r, "grad_clip", 0.0));
        SpecReader base = r.child("base", Set.of("width", "depth", "heads"));
        int baseWidth = base.positiveInt("width", 64);
        int baseDepth = base.positiveInt("depth", 2);
        boolean depthRule = p instanceof ExponentParametrization e ? e.alpha() > 0 : p.residualMultiplier(2.0) != 1.0;
        boolean residual = r.bool("residual", depthRule);
        if (depthRule && !residual) {
            throw new IllegalArgumentException("proxy.residual: parametrization '" + p.name() + "' scales residual branches, so residual cannot be false");
        }
        MlpDataSpec mlpData = null;
        LanguageSpec language = null;
        if (model.equals("mlp")) {
            SpecReader d = r.child("data", Set.of("kind", "seed", "input_dim", "output_dim", "teacher_width", "noise", "task",
                    "parquet", "features", "targets"));
            String kind = d.choice("kind", "teacher", Set.of("teacher", "parquet"));
            boolean classification = d.choice("task", "regression", Set.of("regression", "classification")).equals("classification");
            String parquet = kind.equals("parquet") ? d.string("parquet", null) : null;
            if (kind.equals("parquet") && (parquet == null || classification)) {
                throw new IllegalArgumentException("proxy.data: kind parquet needs parquet: <file>, features: [...], targets: [...]"
                        + " and supports task regression only");
            }
            mlpData = new MlpDataSpec((long) d.number("seed", 0), d.positiveInt("input_dim", 16), d.positiveInt("output_dim", 4),
                    d.positiveInt("teacher_width", 64), nonNegative(d, "noise", 0.0), classification, parquet,
                    stringList(d, "features"), stringList(d, "targets"));
        } else {
            SpecReader d = r.child("data", Set.of("kind", "seed", "states", "parquet", "column"));
            String kind = d.choice("kind", "synthetic-lm", Set.of("synthetic-lm", "hmm", "parquet"));
            int heads = base.positiveInt("heads", 4);
            if (baseWidth % heads != 0) {
                throw new IllegalArgumentException("proxy.base.heads: " + heads + " does not divide base width " + baseWidth);
            }
            String parquet = d.string("parquet", null);
            if (kind.equals("parquet") && parquet == null) {
                throw new IllegalArgumentException("proxy.data.parquet: required when kind is parquet");
            }
            language = new LanguageSpec(heads, r.bool("fixed_heads", true), r.positiveInt("context", 32),
                    r.positiveInt("vocab", 64), d.positiveInt("states", 16), (long) d.number("seed", 0),
                    kind.equals("parquet") ? parquet : null, d.string("column", "token"));
        }
        return new ProxySpec(model, p, optimizer, baseWidth, baseDepth, r.positiveInt("batch_size", 64),
                r.positiveInt("eval_every", 50), r.positiveInt("validation_size", model.equals("mlp") ? 2048 : 64),
                r.bool("readout_zero_init", false), residual, mlpData, language,
                activation(r, model), resourceUnit(r, model), r.positiveInt("threads", 1), SweepAxes.NONE);
    }

    private static java.util.List<String> stringList(SpecReader r, String key) {
        Object v = r.raw(key);
        if (v == null) {
            return java.util.List.of();
        }
        if (!(v instanceof java.util.List<?> l)) {
            throw new IllegalArgumentException(r.field(key) + ": expected a list of column names, got '" + v + "'");
        }
        return l.stream().map(String::valueOf).toList();
    }

    private static String activation(SpecReader r, String model) {
        return model.equals("mlp")
                ? r.choice("activation", "relu", Set.of("relu", "tanh", "gelu", "swiglu"))
                : r.choice("activation", "gelu", Set.of("gelu", "swiglu"));
    }

    private static String resourceUnit(SpecReader r, String model) {
        String unit = r.choice("resource_unit", "auto", Set.of("auto", "steps", "samples", "tokens", "horizon"));
        if (unit.equals("tokens") && model.equals("mlp")) {
            throw new IllegalArgumentException("proxy.resource_unit: 'tokens' needs model transformer; the mlp counts steps or samples");
        }
        if (unit.equals("samples") && model.equals("transformer")) {
            throw new IllegalArgumentException("proxy.resource_unit: 'samples' is for the mlp; the transformer counts steps or tokens");
        }
        return unit;
    }

    private static double unit(SpecReader r, String key, double fallback) {
        double v = r.number(key, fallback);
        if (!(v >= 0 && v < 1)) {
            throw new IllegalArgumentException(r.field(key) + ": expected a number in [0, 1), got " + v);
        }
        return v;
    }

    private static double positive(SpecReader r, String key, double fallback) {
        double v = r.number(key, fallback);
        if (!(v > 0)) {
            throw new IllegalArgumentException(r.field(key) + ": expected a number > 0, got " + v);
        }
        return v;
    }

    private static double nonNegative(SpecReader r, String key, double fallback) {
        double v = r.number(key, fallback);
        if (!(v >= 0)) {
            throw new IllegalArgumentException(r.field(key) + ": expected a number >= 0, got " + v);
        }
        return v;
    }
}
