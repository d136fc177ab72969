package io.mutune.connectors.launch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * The configuration a launcher gets for one target: every recommended hyperparameter with its
 * interval and provenance. {@link #toJson()} is what {@code mutune recommend} prints.
 *
 * @param table where the rows were read (no password: JDBC URLs never carry one)
 */
public record LauncherConfig(
        String family,
        String parametrization,
        String optimizer,
        Map<String, Double> target,
        String table,
        List<LauncherValue> values) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public LauncherConfig {
        target = Map.copyOf(target);
        values = List.copyOf(values);
    }

    /** The value of {@code hyperparameter}; an unknown name is an error listing the known ones. */
    public LauncherValue get(String hyperparameter) {
        return values.stream().filter(v -> v.hyperparameter().equals(hyperparameter)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no recommendation for '" + hyperparameter + "'; there are "
                        + values.stream().map(LauncherValue::hyperparameter).toList()));
    }

    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("family", family);
        root.put("parametrization", parametrization);
        root.put("optimizer", optimizer);
        ObjectNode t = root.putObject("target");
        new java.util.TreeMap<>(target).forEach(t::put);
        root.put("table", table);
        ObjectNode hps = root.putObject("hyperparameters");
        for (LauncherValue v : values) {
            ObjectNode n = hps.putObject(v.hyperparameter());
            n.put("value", v.value());
            n.putArray("interval").add(v.lower()).add(v.upper());
            n.put("source", v.source());
            ObjectNode p = n.putObject("provenance");
            p.put("sweep_id", v.sweepId());
            p.put("version", v.version());
            p.put("verdict", v.verdict());
            ObjectNode rule = p.putObject("rule");
            rule.put("form", v.ruleForm());
            ObjectNode c = rule.putObject("coefficients");
            new java.util.TreeMap<>(v.coefficients()).forEach(c::put);
            ObjectNode pt = p.putObject("published_target");
            new java.util.TreeMap<>(v.publishedTarget()).forEach(pt::put);
            LauncherJson.statistics(n, p, v.statistics());
            LauncherJson.validation(n, v.validation());
            if (v.note() != null) {
                n.put("note", v.note());
            }
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("launcher config cannot be written as JSON", e);
        }
    }
}
