package io.mutune.transfer.data;

import java.io.Serializable;
import java.util.SplittableRandom;

/**
 * A synthetic language with real structure: token sequences emitted by a random hidden Markov
 * model. Each state moves to one of {@code branching} successor states and emits one of
 * {@code emissionsPerState} tokens, with Dirichlet(1) weights, so the process has long-range
 * dependencies through the hidden state but is far from uniform.
 *
 * <p>Its loss floor is known: {@link #optimalLoss} runs the forward algorithm, whose per-token
 * −log p(x_t | x_&lt;t) is the Bayes-optimal next-token cross-entropy that no model can beat on
 * average. Sequences are unlimited and depend only on (seed, index).
 */
public final class HmmLanguage implements TokenSource, Serializable {
    private static final long serialVersionUID = 1L;
    private static final long VALIDATION_STREAM = -7L;

    private final int vocab;
    private final int states;
    private final long seed;
    private final double[][] transition;
    private final double[][] emission;

    public HmmLanguage(int vocab, int states, int branching, int emissionsPerState, long seed) {
        if (vocab < 2 || states < 1 || branching < 1 || branching > states || emissionsPerState < 1 || emissionsPerState > vocab) {
            throw new IllegalArgumentException("hmm needs vocab >= 2, 1 <= branching <= states, 1 <= emissions <= vocab; got vocab="
                    + vocab + " states=" + states + " branching=" + branching + " emissions=" + emissionsPerState);
        }
        this.vocab = vocab;
        this.states = states;
        this.seed = seed;
        SplittableRandom r = new SplittableRandom(Seeds.mix(seed, 0));
        this.transition = sparseRows(r, states, states, branching);
        this.emission = sparseRows(r, states, vocab, emissionsPerState);
    }

    @Override
    public int vocab() {
        return vocab;
    }

    @Override
    public int[][] sequences(long stream, long index, int rows, int length) {
        SplittableRandom r = new SplittableRandom(Seeds.mix(Seeds.mix(seed, stream), index));
        int[][] out = new int[rows][length];
        for (int i = 0; i < rows; i++) {
            int s = r.nextInt(states);
            for (int t = 0; t < length; t++) {
                out[i][t] = draw(r, emission[s]);
                s = draw(r, transition[s]);
            }
        }
        return out;
    }

    @Override
    public int[][] validation(int rows, int length) {
        return sequences(VALIDATION_STREAM, 0, rows, length);
    }

    /**
     * The Bayes-optimal mean cross-entropy (nats) of predicting tokens 1..n-1 of each sequence
     * from the ones before, by the forward algorithm with the true parameters.
     */
    public double optimalLoss(int[][] sequences) {
        double total = 0;
        long count = 0;
        for (int[] seq : sequences) {
            double[] belief = new double[states];
            java.util.Arrays.fill(belief, 1.0 / states);
            for (int t = 0; t < seq.length; t++) {
                double p = 0;
                for (int s = 0; s < states; s++) {
                    p += belief[s] * emission[s][seq[t]];
                }
                if (t > 0) {
                    total -= Math.log(p);
                    count++;
                }
                double[] next = new double[states];
                for (int s = 0; s < states; s++) {
                    double w = belief[s] * emission[s][seq[t]] / p;
                    if (w == 0) {
                        continue;
                    }
                    for (int s2 = 0; s2 < states; s2++) {
                        next[s2] += w * transition[s][s2];
                    }
                }
                belief = next;
            }
        }
        return total / count;
    }

    private static double[][] sparseRows(SplittableRandom r, int rows, int cols, int nonZero) {
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            int placed = 0;
            double sum = 0;
            while (placed < nonZero) {
                int c = r.nextInt(cols);
                if (row[c] == 0) {
                    row[c] = -Math.log(1 - r.nextDouble()); // Exp(1): normalised, a Dirichlet(1) draw
                    sum += row[c];
                    placed++;
                }
            }
            for (int c = 0; c < cols; c++) {
                row[c] /= sum;
            }
        }
        return m;
    }

    private static int draw(SplittableRandom r, double[] p) {
        double u = r.nextDouble();
        double acc = 0;
        for (int i = 0; i < p.length; i++) {
            acc += p[i];
            if (u < acc) {
                return i;
            }
        }
        for (int i = p.length - 1; i >= 0; i--) {
            if (p[i] > 0) {
                return i;
            }
        }
        throw new IllegalStateException("empty distribution");
    }
}
