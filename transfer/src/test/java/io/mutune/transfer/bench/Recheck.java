package io.mutune.transfer.bench;

import io.mutune.hpo.runner.TrialRunner;
import io.mutune.transfer.proxy.ProxyRunners;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Re-runs single cells of an earlier {@link TransferBenchmark} CSV with the current code and prints
 * old and new validation loss side by side (was the earlier sweep affected by a bug?).
 * Usage: {@code Recheck csv model parametrization width:lr...}.
 */
public final class Recheck {
    public static void main(String[] args) throws Exception {
        LrSweep old = LrSweep.fromCsv(args[1], args[2], Files.readAllLines(Path.of(args[0])));
        TrialRunner runner = ProxyRunners.fromSpec(args[1].equals("mlp") ? TransferBenchmark.mlpSpec(args[2])
                : TransferBenchmark.transformerSpec(args[2]));
        for (int i = 3; i < args.length; i++) {
            int w = Integer.parseInt(args[i].split(":")[0]);
            double lr = Double.parseDouble(args[i].split(":")[1]);
            LrSweep.Cell before = old.cells.stream().filter(c -> c.width() == w && Math.abs(c.lr() / lr - 1) < 1e-4).findFirst().orElseThrow();
            LrSweep fresh = new LrSweep(args[1], args[2]);
            double now = TransferBenchmark.trial(runner, fresh, args[1], args[2], w, before.lr(),
                    args[1].equals("mlp") ? 300 : 150, args[1].equals("mlp") ? 64 : 16 * 32);
            System.out.printf(Locale.ROOT, "RECHECK %s %s width %d lr %.4g: before %.6g, now %.6g%n", args[1], args[2], w, before.lr(),
                    before.valLoss(), now);
        }
    }
}
