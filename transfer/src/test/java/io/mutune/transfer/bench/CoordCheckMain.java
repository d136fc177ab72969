package io.mutune.transfer.bench;

import io.mutune.hpo.space.Configuration;
import io.mutune.transfer.coordcheck.CoordinateCheck;
import io.mutune.transfer.coordcheck.CoordinateCheckPlot;
import io.mutune.transfer.coordcheck.CoordinateCheckResult;
import io.mutune.transfer.proxy.ProxyRunners;
import io.mutune.transfer.proxy.ProxySpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Coordinate checks for the docs: MLP (tanh, lr 0.01, widths 64..1024) and transformer (lr 0.01,
 * widths 32..512), SP and muP, 4 steps, 2 seeds; PNGs and tables into the output folder.
 * Usage: {@code CoordCheckMain [out-dir]}.
 */
public final class CoordCheckMain {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "bench/out/transfer");
        Files.createDirectories(out);
        StringBuilder tables = new StringBuilder();
        for (String p : List.of("mup", "sp")) {
            Map<String, Object> mlp = new HashMap<>();
            mlp.put("model", "mlp");
            mlp.put("parametrization", p);
            mlp.put("base", Map.of("width", 64, "depth", 2));
            mlp.put("data", Map.of("kind", "teacher", "seed", 3));
            mlp.put("activation", "tanh");
            tables.append(run("mlp", p, mlp, List.of(64, 128, 256, 512, 1024), out));
            Map<String, Object> lm = new HashMap<>(TransferBenchmark.transformerSpec(p));
            tables.append(run("transformer", p, lm, List.of(32, 64, 128, 256, 512), out));
        }
        Files.writeString(out.resolve("coord-check.md"), tables.toString());
        System.out.println(tables);
    }

    static String run(String model, String p, Map<String, Object> spec, List<Integer> widths, Path out) throws Exception {
        CoordinateCheckResult r = new CoordinateCheck(ProxyRunners.of(ProxySpec.parse(spec)),
                new Configuration(Map.of("lr", 0.01))).run(widths, 4, 2);
        CoordinateCheckPlot.write(r, model + " " + p, out.resolve("coord-check-" + model + "-" + p + ".png"));
        return "### " + model + " " + p + " (mean |activation|, Adam lr 0.01)\n\n```\n" + r.table() + "```\n\n";
    }
}
