package io.mutune.jobs.ml;

import io.mutune.hpo.tuner.TrialReport;
import io.mutune.hpo.tuner.TrialRequest;
import io.mutune.hpo.tuner.Tuner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * The ask/tell loop: keeps {@code parallelism} fits in flight (each one or more Spark jobs, as
 * CrossValidator's parallelism does), tells the tuner each result as it arrives, until it has
 * nothing more to hand out.
 */
final class ParallelTuning {
    private ParallelTuning() { }

    static List<TrialSummary> run(Tuner tuner, int parallelism, Function<TrialRequest, TrialSummary> evaluate) {
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, r -> {
            Thread t = new Thread(r, "mutune-ml-trial");
            t.setDaemon(true);
            return t;
        });
        Map<CompletableFuture<TrialSummary>, TrialRequest> inFlight = new LinkedHashMap<>();
        List<TrialSummary> done = new ArrayList<>();
        try {
            while (true) {
                while (inFlight.size() < parallelism) {
                    Optional<TrialRequest> next = tuner.ask();
                    if (next.isEmpty()) {
                        break;
                    }
                    TrialRequest req = next.get();
                    inFlight.put(CompletableFuture.supplyAsync(() -> evaluate.apply(req), pool), req);
                }
                if (inFlight.isEmpty()) {
                    return done;
                }
                CompletableFuture.anyOf(inFlight.keySet().toArray(CompletableFuture[]::new)).join();
                for (var it = inFlight.entrySet().iterator(); it.hasNext(); ) {
                    var e = it.next();
                    if (e.getKey().isDone()) {
                        it.remove();
                        TrialSummary s = e.getKey().join();
                        TrialRequest req = e.getValue();
                        done.add(s);
                        tuner.tell(s.error() == null
                                ? TrialReport.completed(req.trialId(), req.toResource(), s.metric())
                                : new TrialReport(req.trialId(), req.fromResource(), Double.NaN, TrialReport.Outcome.FAILED, s.error()));
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
