package io.mutune.transfer.bench;

import io.mutune.hpo.runner.SegmentResult;
import io.mutune.hpo.runner.TrialContext;
import io.mutune.hpo.runner.TrialRunner;
import io.mutune.hpo.runner.TrialSegment;
import io.mutune.hpo.space.Configuration;
import io.mutune.transfer.proxy.ProxyRunners;
import java.util.HashMap;
import java.util.Map;

/** Times transformer trials: {@code QuickTransformer steps lr param widths...}. */
public final class QuickTransformer {
    public static void main(String[] args) throws Exception {
        int steps = Integer.parseInt(args[0]);
        Map<String, Object> s = new HashMap<>();
        s.put("model", "transformer");
        s.put("parametrization", args[2]);
        s.put("base", Map.of("width", 32, "depth", 2, "heads", 2));
        s.put("batch_size", 16);
        s.put("eval_every", Math.max(1, steps / 4));
        TrialRunner r = ProxyRunners.fromSpec(s);
        for (int i = 3; i < args.length; i++) {
            int w = Integer.parseInt(args[i]);
            long t0 = System.nanoTime();
            SegmentResult res = r.run(new TrialSegment("t", new Configuration(Map.of("lr", Double.parseDouble(args[1]))),
                    Map.of("width", (double) w), 0, steps, null, null, 1), TrialContext.cpu());
            System.out.printf("width %d: %d steps in %.2f s, %s %s%n", w, steps, (System.nanoTime() - t0) / 1e9,
                    res.outcome(), res.curve());
        }
    }
}
