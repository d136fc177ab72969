package io.mutune.bench;

import io.mutune.hpo.schedule.Rungs;
import io.mutune.hpo.space.Configuration;
import io.mutune.hpo.space.SearchSpace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Real learning curves replayed from the table that io.mutune.transfer.bench.CurveTable writes
 * (bench/data/mlp-curves.csv: the muP MLP proxy trained to every rung). A proposed configuration
 * gets the curve of its nearest table row, by Euclidean distance in the space's unit-cube encoding
 * (log parameters by their logarithm), ties to the lower row. The methods keep searching the
 * continuous space, so their models see the space they were built for; the table's Sobol rows
 * give every row a cell of about the same volume, so random search still draws rows about
 * uniformly. bench/optuna_mf_driver.py maps Optuna's proposals the same way.
 *
 * <p>Several tables of the same rows trained with other seeds ({@code CurveTable ... SEED_BASE})
 * make the curves noisy the way real trials are: trial number {@code n} sees replicate
 * {@code n mod R} of its row at every rung (one training run), while the target and the regret use
 * the row's mean final loss over the replicates. With one table the mean is that table's loss.
 * Why: one training run per row made "within 1% of the best row" a hunt for the one lucky run,
 * since seed noise at the last rung is a few percent.
 */
final class TabularCurves implements CurveFamily {
    private final SearchSpace space;
    private final Rungs rungs;
    private final long[] levels;
    private final double[][] points;
    /** [replicate][row][level] */
    private final double[][][] losses;
    /** Per row: the mean final loss over the replicates, NaN if any replicate diverged. */
    private final double[] meanFinal;
    private final double best;
    private final Replay replay;

    /**
     * What a trial sees at a rung. {@code RUN}: one training run, the benchmark. The other two are
     * counterfactuals that tell the two obstacles of early stopping apart: {@code MEAN}, its row's
     * mean over the replicates (no seed noise, curves still cross); {@code FINAL}, its row's mean
     * final loss at every rung (perfect ranking from the first rung).
     */
    enum Replay { RUN, MEAN, FINAL }

    /** The first table fixes rows and space; the others must hold the same configurations. */
    TabularCurves(List<Path> tables, Replay replay) throws IOException {
        this.replay = replay;
        Path csv = tables.get(0);
        // CurveTable sampled the space declared beside the table; the Python driver reads the same file.
        String name = csv.getFileName().toString();
        space = SearchSpace.fromJson(Files.readString(csv.resolveSibling(name.replaceFirst("\\.csv$", "") + ".space.json")));
        List<String> lines = Files.readAllLines(csv);
        String[] header = lines.get(0).split(",");
        List<String> names = space.names();
        int firstLoss = 2 + names.size();
        for (int d = 0; d < names.size(); d++) {
            if (!header[2 + d].equals(names.get(d))) {
                throw new IllegalArgumentException(csv + ": column " + (2 + d) + " is " + header[2 + d] + ", expected " + names.get(d));
            }
        }
        levels = new long[header.length - firstLoss];
        for (int k = 0; k < levels.length; k++) {
            levels[k] = Long.parseLong(header[firstLoss + k].substring("loss_".length()));
        }
        rungs = new Rungs(levels[0], levels[levels.length - 1], (int) (levels[1] / levels[0]));
        if (!rungs.levels().equals(java.util.Arrays.stream(levels).boxed().toList())) {
            throw new IllegalArgumentException(csv + ": loss columns " + java.util.Arrays.toString(levels) + " are not rungs " + rungs.levels());
        }
        List<Configuration> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            rows.add(configuration(line.split(","), names));
        }
        points = rows.stream().map(space::encode).toArray(double[][]::new);
        losses = new double[tables.size()][][];
        for (int rep = 0; rep < tables.size(); rep++) {
            List<String> repLines = rep == 0 ? lines : Files.readAllLines(tables.get(rep));
            if (repLines.size() != lines.size() || !repLines.get(0).equals(lines.get(0))) {
                throw new IllegalArgumentException(tables.get(rep) + ": not the rows and columns of " + csv);
            }
            losses[rep] = new double[points.length][levels.length];
            for (int i = 0; i < points.length; i++) {
                String[] f = repLines.get(i + 1).split(",");
                if (rep > 0 && !configuration(f, names).equals(rows.get(i))) {
                    throw new IllegalArgumentException(tables.get(rep) + ": row " + i + " is another configuration than in " + csv);
                }
                for (int k = 0; k < levels.length; k++) {
                    losses[rep][i][k] = Double.parseDouble(f[firstLoss + k]);
                }
            }
        }
        meanFinal = new double[points.length];
        double b = Double.POSITIVE_INFINITY;
        for (int i = 0; i < points.length; i++) {
            double sum = 0;
            for (double[][] rep : losses) {
                sum += rep[i][levels.length - 1];
            }
            meanFinal[i] = sum / losses.length;
            if (meanFinal[i] < b) {
                b = meanFinal[i];
            }
        }
        best = b;
    }

    private static Configuration configuration(String[] fields, List<String> names) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int d = 0; d < names.size(); d++) {
            values.put(names.get(d), Double.parseDouble(fields[2 + d]));
        }
        return new Configuration(values);
    }

    int replicates() {
        return losses.length;
    }

    /** The table row a configuration maps to. */
    int row(Configuration c) {
        double[] u = space.encode(c);
        int nearest = -1;
        double dist = Double.POSITIVE_INFINITY;
        for (int i = 0; i < points.length; i++) {
            double s = 0;
            for (int d = 0; d < u.length; d++) {
                double diff = u[d] - points[i][d];
                s += diff * diff;
            }
            if (s < dist) {
                dist = s;
                nearest = i;
            }
        }
        return nearest;
    }

    /** The mean final loss of {@code row} over the tables' replicates. */
    double meanFinal(int row) {
        return meanFinal[row];
    }

    /** The final loss of {@code row} in replicate (table) {@code replicate}. */
    double finalLoss(int replicate, int row) {
        return losses[replicate][row][levels.length - 1];
    }

    int rows() {
        return points.length;
    }

    /** How many rows meet the target: random search needs about rows / this many full trials. */
    int rowsOnTarget(double tolerance) {
        int n = 0;
        for (double l : meanFinal) {
            n += l <= (1 + tolerance) * best ? 1 : 0;
        }
        return n;
    }

    @Override
    public String name() {
        return "table";
    }

    @Override
    public SearchSpace space() {
        return space;
    }

    @Override
    public Rungs rungs() {
        return rungs;
    }

    @Override
    public double loss(Configuration c, long resource) {
        return loss(0, c, resource);
    }

    @Override
    public double loss(long trialNumber, Configuration c, long resource) {
        int k = java.util.Arrays.binarySearch(levels, resource);
        if (k < 0) {
            throw new IllegalArgumentException("resource " + resource + " is not a table level " + java.util.Arrays.toString(levels));
        }
        int row = row(c);
        return switch (replay) {
            case RUN -> losses[(int) Math.floorMod(trialNumber, (long) losses.length)][row][k];
            case MEAN -> {
                double sum = 0;
                for (double[][] rep : losses) {
                    sum += rep[row][k];
                }
                yield sum / losses.length;
            }
            case FINAL -> meanFinal[row];
        };
    }

    @Override
    public double finalLoss(Configuration c) {
        return meanFinal[row(c)];
    }

    @Override
    public double bestFinal() {
        return best;
    }
}
