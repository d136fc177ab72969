package io.mutune.jobs.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.mutune.connectors.open.ClasspathLibrary;
import io.mutune.hpo.space.SearchSpace;
import io.mutune.jobs.external.CommandSpec;
import io.mutune.jobs.validate.ValidationPlan;
import io.mutune.transfer.proxy.ProxyRunners;
import io.mutune.transfer.recommend.RulePlan;
import io.mutune.transfer.rules.RuleForms;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a sweep spec from YAML or JSON (JSON is YAML, so one parser serves both) and checks every
 * field before anything runs, so a typo fails in a second instead of after an hour of training.
 */
public final class SweepSpecParser {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern SWEEP_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,127}");
    private static final Set<String> TOP = Set.of("sweep", "seed", "proxy", "scales", "search", "resources", "targets", "output", "validate", "rules");
    private static final Set<String> AXES = Set.of("width", "depth", "tokens", "batch");
    private static final Set<String> MODELS = Set.of("mlp", "transformer", "command");
    private static final Pattern CHECKPOINT_URI = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:.+");
    private static final Set<String> ALGORITHMS = Set.of("random", "grid", "sobol", "tpe", "bo", "hyperband", "asha", "bohb", "pbt", "topk");

    private SweepSpecParser() { }

    /**
     * Reads and checks the spec in {@code file}.
     *
     * @throws SpecException for a missing file ("X: no such file"), a file that is not UTF-8 text,
     *     or any field that is wrong
     */
    public static SweepSpec parse(Path file) {
        return parse(SpecFile.read(file));
    }

    public static SweepSpec parse(String text) {
        Object doc;
        try {
            doc = YAML.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw new SpecException("(spec)", "not valid YAML or JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()), e);
        }
        DuplicateKeys.check(text);
        SpecNode root = SpecNode.of("", doc);
        root.allowOnly(TOP);

        String sweep = root.string("sweep");
        if (!SWEEP_NAME.matcher(sweep).matches()) {
            throw new SpecException("sweep", "'" + sweep + "' is not a valid sweep name; expected a letter then letters, digits, '_', '.' or '-' (at most 128)");
        }
        long seed = root.integer("seed");
        SpecNode proxy = root.node("proxy");
        if (proxy.choice("model", null, MODELS).equals("command")) {
            CommandSpec.fromProxySection(proxy.raw());
        }

        Map<String, List<Double>> scales = parseScales(root.node("scales"));
        SweepSpec.Search search = parseSearch(root.node("search"));
        SweepSpec.Resources resources = parseResources(root.optionalNode("resources"));
        List<Map<String, Double>> targets = parseTargets(root, scales);
        SweepSpec.Output output = parseOutput(root.node("output"));
        ValidationPlan validate = root.has("validate") ? parseValidate(root.node("validate"), scales) : null;
        if (!"command".equals(proxy.raw().get("model"))) {
            checkProxyAxes(proxy.raw(), scales);
        }
        Map<String, Object> rules = root.has("rules") ? root.node("rules").raw() : Map.of();
        boolean ownProxy = !"command".equals(proxy.raw().get("model"));
        rethrowingTheField(() -> {
            List<String> searched = SearchSpace.fromSpec(search.space()).searchedNames();
            // A form that needs D, B and N is refused for a command proxy now, not after its sweep.
            new RulePlan(RuleForms.parse(rules, searched, scales.keySet()), ownProxy ? ProxyRunners.scaleFacts(proxy.raw()) : null)
                    .quantities(searched);
        });
        return new SweepSpec(sweep, seed, proxy.raw(), scales, search, resources, targets, output, validate, rules);
    }

    /** The DJL proxy against the scale axes (batch within the data, warmup within every horizon...); transfer names the field. */
    private static void checkProxyAxes(Map<String, Object> proxy, Map<String, List<Double>> scales) {
        rethrowingTheField(() -> {
            // The check builds DJL's schedules; without DJL's jar (the slim submit jar alone) that is the error to give.
            ClasspathLibrary.DJL.require("proxy.model: " + proxy.get("model"));
            ProxyRunners.checkSweep(proxy, scales);
        });
    }

    /** Runs a check of the transfer module, whose errors start with the field, as a SpecException on that field. */
    private static void rethrowingTheField(Runnable check) {
        try {
            check.run();
        } catch (IllegalArgumentException e) {
            String msg = String.valueOf(e.getMessage());
            int colon = msg.indexOf(": ");
            throw colon > 0 ? new SpecException(msg.substring(0, colon), msg.substring(colon + 2), e) : new SpecException("proxy", msg, e);
        }
    }

    private static Map<String, List<Double>> parseScales(SpecNode node) {
        node.allowOnly(AXES);
        Map<String, List<Double>> scales = new LinkedHashMap<>();
        for (String axis : node.raw().keySet()) {
            scales.put(axis, List.copyOf(node.positiveNumbers(axis)));
        }
        if (scales.isEmpty()) {
            throw new SpecException("scales", "expected at least one axis, e.g. {width: [64, 128, 256]}");
        }
        return scales;
    }

    private static SweepSpec.Search parseSearch(SpecNode node) {
        node.allowOnly(Set.of("algorithm", "metric", "mode", "space", "resource", "trials_per_scale", "options", "replicates", "confirm"));
        String algorithm = node.choice("algorithm", "random", ALGORITHMS);
        String metric = node.string("metric", "val_loss");
        String mode = node.choice("mode", "min", Set.of("min", "max"));
        SpecNode space = node.node("space");
        try {
            SearchSpace.fromSpec(space.raw());
        } catch (IllegalArgumentException e) {
            String msg = e.getMessage();
            // hpo names fields from the space's own root; re-root them at the spec's.
            throw new SpecException(msg.startsWith("search.space") ? msg.split(":", 2)[0] : "search.space",
                    msg.startsWith("search.space") ? msg.split(":", 2)[1].trim() : msg, e);
        }
        SpecNode res = node.node("resource");
        res.allowOnly(Set.of("name", "min", "max", "eta"));
        long max = res.positiveInteger("max", 0);
        long min = res.positiveInteger("min", max);
        if (min > max) {
            throw new SpecException(res.field("min"), "min (" + min + ") is above max (" + max + "); expected min <= max");
        }
        double eta = res.number("eta", 3.0);
        if (!(eta > 1.0)) {
            throw new SpecException(res.field("eta"), "expected a reduction factor above 1, got " + eta);
        }
        SweepSpec.Resource resource = new SweepSpec.Resource(res.string("name", "steps"), min, max, eta);
        long trials = node.positiveInteger("trials_per_scale", 16);
        if (trials > 100_000) {
            throw new SpecException(node.field("trials_per_scale"), "expected at most 100000, got " + trials);
        }
        Map<String, Object> options = node.has("options") ? node.node("options").raw() : Map.of();
        long replicates = node.integer("replicates", 1);
        if (replicates < 1 || replicates > 64) {
            throw new SpecException(node.field("replicates"), "expected an integer from 1 to 64 (runs of each configuration with its own seed), got " + replicates);
        }
        int topK = 0;
        int seeds = 0;
        if (node.has("confirm")) {
            SpecNode confirm = node.node("confirm");
            confirm.allowOnly(Set.of("top_k", "seeds"));
            long k = confirm.integer("top_k", 3);
            long s = confirm.integer("seeds", 3);
            if (k < 1) {
                throw new SpecException(confirm.field("top_k"), "expected an integer >= 1 (configurations to re-train), got " + k);
            }
            if (k > trials) {
                throw new SpecException(confirm.field("top_k"), k + " is more than trials_per_scale (" + trials + "); expected at most " + trials);
            }
            if (s < 1 || s > 64) {
                throw new SpecException(confirm.field("seeds"), "expected an integer from 1 to 64 (fresh seeds per configuration), got " + s);
            }
            topK = (int) k;
            seeds = (int) s;
        }
        return new SweepSpec.Search(algorithm, metric, mode, space.raw(), resource, (int) trials, options,
                (int) replicates, topK, seeds);
    }

    private static SweepSpec.Resources parseResources(SpecNode node) {
        node.allowOnly(Set.of("gpus_per_trial", "max_retries", "trial_timeout_s", "queue_ahead", "weight", "pool"));
        double gpus = node.number("gpus_per_trial", 0);
        if (gpus < 0 || (gpus > 1 && gpus != Math.rint(gpus))) {
            throw new SpecException(node.field("gpus_per_trial"), "expected 0, a fraction of one GPU, or a whole number of GPUs, got " + gpus);
        }
        long retries = node.integer("max_retries", 2);
        if (retries < 0 || retries > 100) {
            throw new SpecException(node.field("max_retries"), "expected an integer from 0 to 100, got " + retries);
        }
        long timeout = node.positiveInteger("trial_timeout_s", 3600);
        long queueAhead = node.integer("queue_ahead", 1);
        if (queueAhead < 0 || queueAhead > 64) {
            throw new SpecException(node.field("queue_ahead"), "expected an integer from 0 to 64 (segments queued per executor), got " + queueAhead);
        }
        long weight = node.integer("weight", 1);
        if (weight < 1 || weight > 1000) {
            throw new SpecException(node.field("weight"), "expected a whole number from 1 to 1000 (the sweep's share beside other sweeps), got " + weight);
        }
        String pool = node.string("pool", null);
        if (pool != null && (pool.isBlank() || !pool.matches("[A-Za-z0-9._-]+"))) {
            throw new SpecException(node.field("pool"), "expected a FAIR pool name of letters, digits, '.', '_' or '-', got '" + pool + "'");
        }
        return new SweepSpec.Resources(gpus, (int) retries, timeout, (int) queueAhead, (int) weight, pool);
    }

    private static List<Map<String, Double>> parseTargets(SpecNode root, Map<String, List<Double>> scales) {
        List<Object> raw = root.list("targets");
        if (raw.isEmpty()) {
            throw new SpecException("targets", "expected at least one target scale, e.g. [{width: 4096}]");
        }
        List<Map<String, Double>> targets = new java.util.ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            targets.add(targetScale(SpecNode.of("targets[" + i + "]", raw.get(i)), "targets[" + i + "]", scales));
        }
        return List.copyOf(targets);
    }

    /** A target scale at {@code field}: positive numbers on known axes, one for every axis the sweep varies. */
    private static Map<String, Double> targetScale(SpecNode t, String field, Map<String, List<Double>> scales) {
        t.allowOnly(AXES);
        Map<String, Double> target = new LinkedHashMap<>();
        for (String axis : t.raw().keySet()) {
            double v = SpecNode.toDouble(t.field(axis), t.raw().get(axis));
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new SpecException(t.field(axis), "expected a positive number, got " + t.raw().get(axis));
            }
            target.put(axis, v);
        }
        for (String axis : scales.keySet()) {
            if (!target.containsKey(axis)) {
                throw new SpecException(field, "has no '" + axis + "', but the sweep varies it; expected a value for every axis in scales " + scales.keySet());
            }
        }
        return Map.copyOf(target);
    }

    /** {@code validate: {target: {width: 2048}, seeds: 3, bracket: 2, hyperparameter: lr}}. */
    private static ValidationPlan parseValidate(SpecNode node, Map<String, List<Double>> scales) {
        node.allowOnly(Set.of("target", "seeds", "bracket", "hyperparameter"));
        Map<String, Double> target = targetScale(node.node("target"), node.field("target"), scales);
        long seeds = node.integer("seeds", 3);
        if (seeds < 1 || seeds > 64) {
            throw new SpecException(node.field("seeds"), "expected an integer from 1 to 64 (held-out seeds per configuration), got " + seeds);
        }
        double bracket = node.number("bracket", 2.0);
        if (!(bracket > 1) || Double.isInfinite(bracket)) {
            throw new SpecException(node.field("bracket"), "expected a factor above 1 (sqrt(2) to 2 is useful), got " + bracket);
        }
        return new ValidationPlan(target, (int) seeds, bracket, node.string("hyperparameter", "lr"));
    }

    private static SweepSpec.Output parseOutput(SpecNode node) {
        node.allowOnly(Set.of("trials", "recommendations", "checkpoints"));
        return new SweepSpec.Output(tableUri(node, "trials"), tableUri(node, "recommendations"), checkpointUri(node));
    }

    /** Checkpoints go through the Hadoop FileSystem API, so any scheme it has a client for works. */
    private static String checkpointUri(SpecNode node) {
        String v = node.string("checkpoints", "file:.mutune/checkpoints");
        if (!CHECKPOINT_URI.matcher(v).matches()) {
            throw new SpecException(node.field("checkpoints"), "'" + v + "' is not a folder URI; expected SCHEME:PATH such as "
                    + "file:/tmp/mutune/ckpt, hdfs://namenode/mutune/ckpt, s3a://bucket/ckpt or dbfs:/mutune/ckpt");
        }
        return v;
    }

    private static String tableUri(SpecNode node, String name) {
        String v = node.string(name);
        int colon = v.indexOf(':');
        String scheme = colon < 0 ? "" : v.substring(0, colon);
        if (!Set.of("delta", "iceberg", "jdbc", "parquet").contains(scheme) || v.length() == colon + 1) {
            throw new SpecException(node.field(name), "'" + v + "' is not a table; expected delta:PATH, iceberg:CATALOG.DB.TABLE or jdbc:postgresql://...");
        }
        return v;
    }
}
