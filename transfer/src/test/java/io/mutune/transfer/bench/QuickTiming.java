package io.mutune.transfer.bench;

import io.mutune.hpo.runner.SegmentResult;
import io.mutune.hpo.runner.TrialContext;
import io.mutune.hpo.runner.TrialRunner;
import io.mutune.hpo.runner.TrialSegment;
import io.mutune.hpo.space.Configuration;
import io.mutune.transfer.proxy.ProxyRunners;
import java.util.HashMap;
import java.util.Map;

/** Times one MLP trial per width: {@code QuickTiming [steps] [widths...]}. */
public final class QuickTiming {
    public static void main(String[] args) throws Exception {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        Map<String, Object> s = new HashMap<>();
        s.put("model", "mlp");
        s.put("parametrization", "mup");
        s.put("base", Map.of("width", 64, "depth", 2));
        s.put("data", Map.of("kind", "teacher", "seed", 7));
        TrialRunner r = ProxyRunners.fromSpec(s);
        int[] widths = {64, 128, 256, 256, 512, 1024};
        for (int w : widths) {
            long t0 = System.nanoTime();
            SegmentResult res = r.run(new TrialSegment("t", new Configuration(Map.of("lr", 3e-3)), Map.of("width", (double) w),
                    0, steps, null, null, 1), TrialContext.cpu());
            System.out.printf("width %d: %d steps in %.2f s, val_loss %.4f%n", w, steps, (System.nanoTime() - t0) / 1e9,
                    res.metrics().get("val_loss"));
        }
    }
}
