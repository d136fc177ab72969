package io.mutune.transfer.proxy;

import io.mutune.hpo.runner.TrialRunner;
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
        ProxySpec spec = ProxySpecParser.parse(proxySection);
        return switch (spec.model()) {
            case "mlp" -> new MlpProxyRunner(spec);
            case "transformer" -> new TransformerProxyRunner(spec);
            default -> throw new IllegalArgumentException("proxy.model: unknown '" + spec.model() + "'");
        };
    }
}
