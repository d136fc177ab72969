package io.mutune.hpo.math;

import java.util.SplittableRandom;

/** The normal distribution N(mu, sigma^2) truncated to [0, 1], the kernel of TPE's Parzen estimators. */
public final class TruncatedNormal {
    private TruncatedNormal() { }

    public static double logDensity(double x, double mu, double sigma) {
        double mass = Normal.cdf((1 - mu) / sigma) - Normal.cdf(-mu / sigma);
        return Normal.logPdf((x - mu) / sigma) - Math.log(sigma) - Math.log(Math.max(mass, 1e-300));
    }

    /** A draw by rejection, falling back to a clamped draw when the window is far in the tail. */
    public static double sample(double mu, double sigma, SplittableRandom random) {
        for (int i = 0; i < 64; i++) {
            double x = mu + sigma * gaussian(random);
            if (x >= 0 && x <= 1) {
                return x;
            }
        }
        return Math.min(1, Math.max(0, mu));
    }

    /** A standard normal draw (Box-Muller), so only SplittableRandom's stream is used. */
    public static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
