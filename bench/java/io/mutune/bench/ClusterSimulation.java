package io.mutune.bench;

import io.mutune.hpo.schedule.AshaScheduler;
import io.mutune.hpo.schedule.HyperbandScheduler;
import io.mutune.hpo.schedule.Rungs;
import io.mutune.hpo.searcher.RandomSearcher;
import io.mutune.hpo.tuner.Budget;
import io.mutune.hpo.tuner.Scheduler;
import io.mutune.hpo.tuner.TrialReport;
import io.mutune.hpo.tuner.TrialRequest;
import io.mutune.hpo.tuner.Tuner;
import io.mutune.hpo.tuner.TunerSettings;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * A simulated cluster of 8 workers with heterogeneous speeds (worker w runs at 0.5 + w/7 units per
 * second) and trial costs that grow with batch size, driving synchronous Hyperband or ASHA over
 * {@link LearningCurves}. Reports per seed: the wall time at which a full-resource trial first
 * met the target, and worker utilisation (busy time over 8 x that wall time). A free worker asks
 * as soon as it is free; when ask() has nothing, it idles until the next result arrives.
 *
 * <p>Usage: {@code ClusterSimulation SEEDS BUDGET} prints method,seed,wall_to_target,utilisation
 */
public final class ClusterSimulation {
    private static final int WORKERS = 8;

    private record Running(double end, int worker, TrialRequest request, double start) { }

    private ClusterSimulation() { }

    public static void main(String[] args) {
        int seeds = Integer.parseInt(args[0]);
        long budget = Long.parseLong(args[1]);
        System.out.println("method,seed,wall_to_target,utilisation");
        for (String method : new String[] {"hyperband", "hyperband-overlap", "asha"}) {
            for (int seed = 0; seed < seeds; seed++) {
                double[] r = simulate(method, seed, budget);
                System.out.printf("%s,%d,%.1f,%.4f%n", method, seed, r[0], r[1]);
            }
        }
    }

    static double[] simulate(String method, long seed, long budget) {
        Rungs rungs = new Rungs(1, LearningCurves.MAX_RESOURCE, 3);
        Scheduler s = switch (method) {
            case "asha" -> new AshaScheduler(rungs, 1);
            case "hyperband-overlap" -> HyperbandScheduler.full(rungs, false); // a later bracket may start while one waits
            default -> HyperbandScheduler.full(rungs, true);
        };
        Tuner t = Tuner.create(LearningCurves.space(), new RandomSearcher(), s,
                new TunerSettings(seed, 1_000_000, LearningCurves.MAX_RESOURCE, "c", "min"), new Budget(budget));
        PriorityQueue<Running> running = new PriorityQueue<>((a, b) -> Double.compare(a.end(), b.end()));
        boolean[] busy = new boolean[WORKERS];
        double now = 0;
        double busyTime = 0;
        while (true) {
            for (int w = 0; w < WORKERS; w++) {
                if (busy[w]) {
                    continue;
                }
                Optional<TrialRequest> next = t.ask();
                if (next.isEmpty()) {
                    break;
                }
                TrialRequest r = next.get();
                double cost = (r.toResource() - r.fromResource()) * trialCost(r) / (0.5 + w / 7.0);
                running.add(new Running(now + cost, w, r, now));
                busy[w] = true;
            }
            Running done = running.poll();
            if (done == null) {
                return new double[] {Double.POSITIVE_INFINITY, busyTime / (WORKERS * now)};
            }
            now = done.end();
            busyTime += done.end() - done.start();
            busy[done.worker()] = false;
            TrialRequest r = done.request();
            double loss = LearningCurves.loss(r.config(), r.toResource());
            t.tell(new TrialReport(r.trialId(), r.toResource(), loss, TrialReport.Outcome.COMPLETED, null));
            if (r.toResource() == LearningCurves.MAX_RESOURCE && Double.isFinite(loss) && LearningCurves.onTarget(r.config())) {
                // count the partial work of segments still running at this moment as busy
                for (Running other : running) {
                    busyTime += now - other.start();
                }
                return new double[] {now, busyTime / (WORKERS * now)};
            }
        }
    }

    /** Seconds per resource unit: bigger batches cost more per step (0.6 to 1.6). */
    private static double trialCost(TrialRequest r) {
        double b = Math.log(r.config().getDouble("batch")) / Math.log(2); // 4 .. 9
        return 0.6 + (b - 4) / 5;
    }
}
