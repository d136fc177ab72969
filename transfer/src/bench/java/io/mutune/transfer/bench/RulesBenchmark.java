package io.mutune.transfer.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.mutune.transfer.proxy.ProxyRunners;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The transfer-rules benchmark: tune DJL proxies at small widths, recommend for a large width,
 * and check the recommendation against a direct LR sweep there, under muP and under SP.
 * Run by {@code bench/rules.sh}; writes {@code bench-out/rules/results-<model>-<param>.json}.
 */
public final class RulesBenchmark {

    private RulesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchScale scale = BenchScale.fromArgs(args);
        Path out = Path.of(args.length > 1 ? args[1] : "bench-out/rules");
        Files.createDirectories(out);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        for (String parametrization : scale.parametrizations()) {
            long start = System.nanoTime();
            ProxyTrainer trainer = new ProxyTrainer(ProxyRunners::fromSpec, scale.spec(), scale.metric(), scale.steps(),
                    scale.seed(), scale::flopsPerStep);
            Path file = out.resolve("results-" + scale.model() + "-" + parametrization + scale.variant() + ".json");
            int directPlanned = scale.grid(parametrization).directLrGrid().size();
            // Written after every direct trial (partial: fewer direct trials than planned), then at the end.
            java.util.function.Consumer<TransferExperiment> write = ex -> {
                try {
                    Map<String, Object> partial = new LinkedHashMap<>(ExperimentSummary.of(ex, scale.model(), scale.grid(parametrization).targetWidth()));
                    partial.put("scale", scale.describe());
                    partial.put("wallSeconds", (System.nanoTime() - start) / 1e9);
                    partial.put("directTrialsPlanned", directPlanned);
                    json.writeValue(file.toFile(), partial);
                } catch (Exception ex2) {
                    TransferExperiment.log("could not write partial results: " + ex2);
                }
            };
            TransferExperiment e = new TransferExperiment(trainer, scale.grid(parametrization), parametrization, scale.seed()).run(write);
            Map<String, Object> summary = new LinkedHashMap<>(ExperimentSummary.of(e, scale.model(), scale.grid(parametrization).targetWidth()));
            summary.put("scale", scale.describe());
            summary.put("wallSeconds", (System.nanoTime() - start) / 1e9);
            summary.put("directTrialsPlanned", directPlanned);
            json.writeValue(file.toFile(), summary);
            TransferExperiment.log(String.format("%s %s: lr ratio %.3f, loss gap %.3f%%, compute share %.1f%% (time) %.1f%% (flops), wrote %s",
                    scale.model(), parametrization, (double) summary.get("lrRatio"), 100 * (double) summary.get("lossGap"),
                    100 * (double) summary.get("computeShareTime"), 100 * (double) summary.get("computeShareFlops"), file));
        }
    }

}
