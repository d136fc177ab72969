package io.mutune.transfer.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mutune.hpo.runner.SegmentResult;
import io.mutune.hpo.runner.TrialContext;
import io.mutune.hpo.runner.TrialRunner;
import io.mutune.hpo.runner.TrialSegment;
import io.mutune.hpo.space.Configuration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A trial's losses must not depend on when the JVM collects garbage. They once did: a scalar
 * multiplier (muP's readout multiplier, the residual branch multiplier) went to PyTorch as a tensor
 * over a Java direct buffer, autograd saved it for the backward pass, DJL closed it right after the
 * forward op, and a collection in between freed the memory that backward then read. A sweep run
 * twice with the same seed gave different losses, now and then, under load.
 */
class GarbageCollectionIndependenceTest {

    @Test
    void mlpLossesAreTheSameWhileTheCollectorRunsConstantly() throws Exception {
        Map<String, Object> spec = MlpProxyRunnerTest.spec("mup");
        spec.put("residual", true);
        spec.put("base", Map.of("width", 64, "depth", 2));
        TrialSegment segment = new TrialSegment("gc", new Configuration(Map.of("lr", 3e-3, "output_mult", 2.0)),
                Map.of("width", 128.0), 0, 150, null, null, 11L);
        assertSameWithAndWithoutCollections(ProxyRunners.fromSpec(spec), segment);
    }

    @Test
    void transformerLossesAreTheSameWhileTheCollectorRunsConstantly() throws Exception {
        TrialSegment segment = new TrialSegment("gc", new Configuration(Map.of("lr", 1e-2)), Map.of("width", 64.0),
                0, 60, null, null, 4L);
        assertSameWithAndWithoutCollections(ProxyRunners.fromSpec(TransformerProxyRunnerTest.spec()), segment);
    }

    private static void assertSameWithAndWithoutCollections(TrialRunner runner, TrialSegment segment) throws Exception {
        SegmentResult quiet = runner.run(segment, TrialContext.cpu());
        AtomicBoolean running = new AtomicBoolean(true);
        Thread collector = new Thread(() -> {
            while (running.get()) {
                System.gc();
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        collector.setDaemon(true);
        collector.start();
        SegmentResult collected;
        try {
            collected = runner.run(segment, TrialContext.cpu());
        } finally {
            running.set(false);
            collector.join();
        }
        assertEquals(quiet.curve(), collected.curve(), "the learning curve changed when the garbage collector ran");
    }
}
