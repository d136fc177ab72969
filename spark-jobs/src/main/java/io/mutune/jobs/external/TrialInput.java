package io.mutune.jobs.external;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mutune.hpo.runner.TrialContext;
import io.mutune.hpo.runner.TrialSegment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How a segment reaches the external program: a JSON file (hyperparameters by the names the spec
 * gave them, the scale point, the resource range, checkpoints, seed, GPUs) and the same facts as
 * environment variables, so a script can use whichever is easier.
 */
final class TrialInput {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TrialInput() { }

    /** Writes {@code trial.json} into {@code dir} and returns its path. */
    static Path writeJson(Path dir, TrialSegment s, TrialContext context, Path metricsFile) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("trial_id", s.trialId());
        doc.put("hyperparameters", s.config().values());
        doc.put("scale", s.scale());
        doc.put("from_resource", s.fromResource());
        doc.put("to_resource", s.toResource());
        doc.put("resume_from", s.resumeFrom());
        doc.put("checkpoint_to", s.checkpointTo());
        doc.put("seed", s.seed());
        doc.put("gpus", context.gpus());
        doc.put("metrics_file", metricsFile.toString());
        Path file = dir.resolve("trial.json");
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), doc);
        return file;
    }

    /**
     * The variables the program gets on top of the executor's own and the spec's {@code env}.
     * CUDA_VISIBLE_DEVICES is always set: to the task's GPUs, or empty on a CPU task, so a trial
     * never grabs a GPU that Spark gave another task.
     */
    static Map<String, String> environment(TrialSegment s, TrialContext context, Path trialJson, Path metricsFile) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("MUTUNE_TRIAL_JSON", trialJson.toString());
        env.put("MUTUNE_METRICS_FILE", metricsFile.toString());
        env.put("MUTUNE_TRIAL_ID", s.trialId());
        env.put("MUTUNE_FROM_RESOURCE", Long.toString(s.fromResource()));
        env.put("MUTUNE_TO_RESOURCE", Long.toString(s.toResource()));
        env.put("MUTUNE_SEED", Long.toString(s.seed()));
        if (s.resumeFrom() != null) {
            env.put("MUTUNE_RESUME_FROM", s.resumeFrom());
        }
        if (s.checkpointTo() != null) {
            env.put("MUTUNE_CHECKPOINT_TO", s.checkpointTo());
        }
        s.scale().forEach((axis, v) -> env.put("MUTUNE_SCALE_" + variableName(axis), formatNumber(v)));
        s.config().values().forEach((name, v) -> env.put("MUTUNE_HP_" + variableName(name),
                v instanceof Double d ? formatNumber(d) : String.valueOf(v)));
        env.put("CUDA_VISIBLE_DEVICES", String.join(",", context.gpus()));
        return env;
    }

    /** {@code init_std} -> {@code INIT_STD}; anything not a letter or digit becomes '_'. */
    static String variableName(String name) {
        return name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    private static String formatNumber(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
