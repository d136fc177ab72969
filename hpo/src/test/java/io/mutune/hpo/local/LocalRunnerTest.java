package io.mutune.hpo.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mutune.hpo.space.SearchSpace;
import io.mutune.hpo.tuner.Searchers;
import io.mutune.hpo.tuner.TrialStatus;
import io.mutune.hpo.tuner.Tuner;
import io.mutune.hpo.tuner.TunerSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalRunnerTest {
    static final SearchSpace SPACE = SearchSpace.fromSpec(Map.of("x", Map.of("float", List.of(-1.0, 1.0))));

    @Test
    void runsEveryTrialOnThePoolAndRecordsFailures() throws Exception {
        Tuner t = Tuner.create(SPACE, Searchers.byName("random", SPACE, null), new TunerSettings(1, 20, 10, "l", "min"));
        new LocalRunner(3, "loss").run(t, (segment, ctx) -> {
            double x = segment.config().getDouble("x");
            if (x > 0.8) {
                throw new IllegalStateException("boom");
            }
            return LocalRunner.ofFunction("loss", c -> x > 0.6 ? Double.NaN : x * x).run(segment, ctx);
        });
        assertTrue(t.isFinished());
        assertEquals(40, t.events().size());
        long failed = t.trials().trials().stream().filter(s -> s.status() == TrialStatus.FAILED).count();
        long diverged = t.trials().trials().stream().filter(s -> s.status() == TrialStatus.DIVERGED).count();
        long expectedFailed = t.trials().trials().stream().filter(s -> s.config().getDouble("x") > 0.8).count();
        assertEquals(expectedFailed, failed);
        assertEquals(t.trials().trials().stream().filter(s -> {
            double x = s.config().getDouble("x");
            return x > 0.6 && x <= 0.8;
        }).count(), diverged);
        assertEquals(20 - failed - diverged, t.trials().trials().stream().filter(s -> s.status() == TrialStatus.COMPLETED).count());
    }
}
