package io.mutune.transfer.rules;

import java.util.Arrays;

/** Percentiles of bootstrap samples (linear interpolation between order statistics). */
public final class Percentiles {

    private Percentiles() {
    }

    /** The q-quantile of the finite samples, q in [0, 1]; NaN when there are none. */
    public static double of(double[] samples, double q) {
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("quantile must be in [0, 1], got " + q);
        }
        double[] s = Arrays.stream(samples).filter(Double::isFinite).sorted().toArray();
        if (s.length == 0) {
            return Double.NaN;
        }
        double pos = q * (s.length - 1);
        int i = (int) Math.floor(pos);
        int j = Math.min(i + 1, s.length - 1);
        return s[i] + (pos - i) * (s[j] - s[i]);
    }

    /** The central interval holding {@code confidence} of the samples. */
    public static double[] central(double[] samples, double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
        }
        double tail = (1 - confidence) / 2;
        return new double[] {of(samples, tail), of(samples, 1 - tail)};
    }
}
