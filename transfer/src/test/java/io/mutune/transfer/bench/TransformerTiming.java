package io.mutune.transfer.bench;

import io.mutune.hpo.runner.SegmentResult;
import io.mutune.hpo.runner.TrialContext;
import io.mutune.hpo.runner.TrialRunner;
import io.mutune.hpo.runner.TrialSegment;
import io.mutune.hpo.space.Configuration;
import io.mutune.transfer.proxy.ProxyRunners;
import java.util.Map;

/**
 * Times one trial of the benchmark's transformer (the {@link TransferBenchmark} model) per width,
 * to size the large-width runs: {@code TransformerTiming steps threads batch widths...}.
 */
public final class TransformerTiming {
    public static void main(String[] args) throws Exception {
        int steps = Integer.parseInt(args[0]);
        int threads = Integer.parseInt(args[1]);
        int batch = Integer.parseInt(args[2]);
        Map<String, Object> s = TransferBenchmark.transformerSpec("mup");
        s.put("threads", threads);
        s.put("batch_size", batch);
        s.put("eval_every", steps);
        s.put("schedule", Map.of("kind", "cosine", "warmup_steps", Math.max(1, steps / 10), "total_steps", steps));
        TrialRunner r = ProxyRunners.fromSpec(s);
        for (int i = 3; i < args.length; i++) {
            int w = Integer.parseInt(args[i]);
            long t0 = System.nanoTime();
            SegmentResult res = r.run(new TrialSegment("t", new Configuration(Map.of("lr", 0.03)),
                    Map.of("width", (double) w), 0, steps, null, null, 1), TrialContext.cpu());
            double secs = (System.nanoTime() - t0) / 1e9;
            System.out.printf("width %d: %d steps (batch %d x 32, %d thread(s)) in %.2f s = %.3f s/step, %s %s%n", w, steps, batch,
                    threads, secs, secs / steps, res.outcome(), res.metrics());
        }
    }
}
