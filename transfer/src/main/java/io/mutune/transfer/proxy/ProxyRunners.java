package io.mutune.transfer.proxy;

import io.mutune.hpo.runner.TrialRunner;
import java.util.List;
import java.util.Map;

/** Builds the DJL proxy trial runners from a sweep spec. */
public final class ProxyRunners {
    private ProxyRunners() {
    }

    /**
     * The runner for the spec's {@code proxy:} section as Jackson parses YAML (maps, lists,
     * strings, numbers), e.g.
     * <pre>{model: mlp, parametrization: mup, optimizer: adamw, base: {width: 64, depth: 2},
     *  data: {kind: teacher, seed: 7}, batch_size: 64, eval_every: 50}</pre>
     * The runner is {@link java.io.Serializable} and builds its DJL state inside each call.
     *
     * @throws IllegalArgumentException naming the field, for a bad or unknown value
     */
    public static TrialRunner fromSpec(Map<String, Object> proxySection) {
        return of(ProxySpecParser.parse(proxySection));
    }

    /**
     * The runner for a sweep: the proxy section, the sweep's {@code scales} and its
     * {@code search.resource.max}. With a tokens axis the resource is a fraction of each point's
     * horizon ({@code resourceMax} = all of it), and under WSD runs at the longest horizon branch
     * the shorter ones' decays.
     */
    public static TrialRunner forSweep(Map<String, Object> proxySection, Map<String, List<Double>> scales, long resourceMax) {
        return of(ProxySpecParser.parse(proxySection).withSweep(new SweepAxes(scales.get("tokens"), resourceMax)));
    }

    /**
     * Checks the proxy section against the sweep's scale axes (batch, tokens) before anything runs.
     *
     * @throws IllegalArgumentException one line starting with the field, e.g. {@code scales.batch: ...}
     */
    public static void checkSweep(Map<String, Object> proxySection, Map<String, List<Double>> scales) {
        ProxyAxes.check(ProxySpecParser.parse(proxySection), scales);
    }

    /**
     * The scale points a sweep tunes: all of {@code points}, less the shorter token horizons that
     * runs at the longest one measure by branching their decays (WSD reuse, {@code schedule.reuse}).
     * Their results come back through {@link BranchMetrics#observations}.
     */
    public static List<Map<String, Double>> tunedScalePoints(Map<String, Object> proxySection, List<Map<String, Double>> points) {
        List<Double> tokens = points.stream().filter(p -> p.containsKey("tokens")).map(p -> p.get("tokens")).distinct().toList();
        return ProxyAxes.tuned(ProxySpecParser.parse(proxySection).withSweep(new SweepAxes(tokens, 0)), points);
    }

    /** N at a scale point of this proxy, as the scaling rules count it ({@link ParameterCount}). */
    public static long parameterCount(Map<String, Object> proxySection, Map<String, Double> scale) {
        return ParameterCount.of(ProxySpecParser.parse(proxySection), scale);
    }

    /**
     * D, B and N of this proxy's scale points, for the rules: D is the {@code tokens} axis, B the
     * batch ({@code batch} axis or {@code batch_size}) times the tokens of an example (the
     * transformer's context; 1 for the MLP), N the {@link ParameterCount}.
     */
    public static io.mutune.transfer.rules.ScaleFacts scaleFacts(Map<String, Object> proxySection) {
        ProxySpec spec = ProxySpecParser.parse(proxySection);
        return new io.mutune.transfer.rules.ScaleFacts(
                s -> s.getOrDefault("tokens", Double.NaN),
                s -> s.getOrDefault("batch", (double) spec.batchSize()) * spec.tokensPerExample(),
                s -> ParameterCount.of(spec, s));
    }

    /** The runner for an already parsed spec. */
    public static DjlProxyRunner of(ProxySpec spec) {
        return switch (spec.model()) {
            case "mlp" -> new MlpProxyRunner(spec);
            case "transformer" -> new TransformerProxyRunner(spec);
            default -> throw new IllegalArgumentException("proxy.model: unknown '" + spec.model() + "'");
        };
    }
}
