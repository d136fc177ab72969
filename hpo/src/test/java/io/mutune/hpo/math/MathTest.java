package io.mutune.hpo.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MathTest {

    @Test
    void logEiMatchesTheClosedFormWhereThatIsAccurate() {
        for (double z : new double[] {-5, -2, -0.5, 0, 0.7, 3}) {
            double mean = 1.0;
            double sd = 0.3;
            double best = mean + z * sd;
            double ei = (best - mean) * Normal.cdf(z) + sd * Normal.pdf(z);
            assertEquals(Math.log(ei), LogExpectedImprovement.value(mean, sd, best), 1e-9, "z = " + z);
        }
    }

    @Test
    void logEiStaysFiniteAndMonotoneFarFromTheIncumbent() {
        double prev = Double.NEGATIVE_INFINITY;
        for (double z = -60; z <= -1; z += 0.5) {
            double v = LogExpectedImprovement.logH(z);
            assertTrue(Double.isFinite(v), "z = " + z);
            assertTrue(v > prev, "log h must increase with z, at " + z);
            prev = v;
        }
        // around the switch to the asymptotic series the two forms agree
        assertEquals(LogExpectedImprovement.logH(-8 + 1e-9), LogExpectedImprovement.logH(-8 - 1e-9), 1e-6);
    }

    @Test
    void choleskySolvesAndInverts() {
        double[][] a = {{4, 2, 0.6}, {2, 5, 1}, {0.6, 1, 3}};
        Cholesky c = Cholesky.of(a);
        double[] x = c.solve(new double[] {1, 2, 3});
        for (int i = 0; i < 3; i++) {
            double s = 0;
            for (int j = 0; j < 3; j++) {
                s += a[i][j] * x[j];
            }
            assertEquals(new double[] {1, 2, 3}[i], s, 1e-12);
        }
        double[][] inv = c.inverse();
        assertEquals(1.0, a[0][0] * inv[0][0] + a[0][1] * inv[1][0] + a[0][2] * inv[2][0], 1e-12);
        assertEquals(Math.log(4 * 5 * 3 - 4 * 1 - 2 * (2 * 3 - 0.6) + 0.6 * (2 - 5 * 0.6)), c.logDet(), 1e-12);
    }

    @Test
    void marginalLikelihoodGradientMatchesFiniteDifferences() {
        SplittableRandom r = new SplittableRandom(1);
        double[][] x = new double[12][3];
        double[] y = new double[12];
        for (int i = 0; i < x.length; i++) {
            for (int d = 0; d < 3; d++) {
                x[i][d] = r.nextDouble();
            }
            y[i] = Math.sin(5 * x[i][0]) + x[i][1] * x[i][1] + 0.1 * r.nextDouble();
        }
        assertGradientMatchesFiniteDifferences(new GpMarginalLikelihood(x, y),
                new double[] {Math.log(0.3), Math.log(0.7), Math.log(2.0), Math.log(1.3), Math.log(0.01)});
    }

    @Test
    void marginalLikelihoodGradientMatchesFiniteDifferencesWithPerPointNoise() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(11);
        double[][] x = new double[10][2];
        double[] y = new double[10];
        double[] noiseScale = new double[10];
        for (int i = 0; i < x.length; i++) {
            x[i][0] = r.nextDouble();
            x[i][1] = r.nextDouble();
            y[i] = Math.cos(4 * x[i][0]) + 0.3 * r.nextDouble();
            noiseScale[i] = 1.0 / (1 + i % 4);
        }
        assertGradientMatchesFiniteDifferences(new GpMarginalLikelihood(x, y, noiseScale),
                new double[] {Math.log(0.4), Math.log(0.6), Math.log(1.1), Math.log(0.05)});
    }

    private static void assertGradientMatchesFiniteDifferences(GpMarginalLikelihood mll, double[] t) {
        double[] g = new double[t.length];
        mll.valueAndGradient(t, g);
        for (int k = 0; k < t.length; k++) {
            double[] tp = t.clone();
            double[] tm = t.clone();
            tp[k] += 1e-5;
            tm[k] -= 1e-5;
            double fd = (mll.value(tp) - mll.value(tm)) / 2e-5;
            assertEquals(fd, g[k], 1e-4 * Math.max(1, Math.abs(fd)), "component " + k);
        }
    }

    @Test
    void aMeanOfManyReplicatesPullsThePosteriorHarderThanOneRun() {
        // two observations at the same input disagree; the one averaged over 16 seeds should win
        double[][] x = {{0.5}, {0.5}};
        double[] y = {1, -1};
        GpHyperparameters h = new GpHyperparameters(new double[] {0.3}, 1, 0.5);
        double equal = new GaussianProcess(x, y, new double[] {1, 1}, h).predict(new double[] {0.5})[0];
        double replicated = new GaussianProcess(x, y, new double[] {1.0 / 16, 1}, h).predict(new double[] {0.5})[0];
        assertEquals(0, equal, 1e-9);
        assertTrue(replicated > 0.6, "posterior mean " + replicated + " should lean to the 16-seed mean 1");
    }

    @Test
    void gpInterpolatesWithSmallNoise() {
        double[][] x = {{0.1}, {0.4}, {0.9}};
        double[] y = {1, -1, 0.5};
        GaussianProcess gp = new GaussianProcess(x, y, new GpHyperparameters(new double[] {0.3}, 1, 1e-6));
        assertEquals(-1, gp.predict(new double[] {0.4})[0], 1e-3);
        assertTrue(gp.predict(new double[] {0.4})[1] < 1e-3);
        assertTrue(gp.predict(new double[] {0.65})[1] > 0.05);
    }

    @Test
    void hyperparameterFitPrefersTheRelevantDimension() {
        SplittableRandom r = new SplittableRandom(2);
        double[][] x = new double[30][2];
        double[] y = new double[30];
        for (int i = 0; i < x.length; i++) {
            x[i][0] = r.nextDouble();
            x[i][1] = r.nextDouble();
            y[i] = Math.sin(6 * x[i][0]);
        }
        GpHyperparameters h = new GpHyperparameterFit(2, 60).fit(x, y, new SplittableRandom(3));
        assertTrue(h.lengthScales()[1] > 2 * h.lengthScales()[0], java.util.Arrays.toString(h.lengthScales()));
    }

    @Test
    void scrambledSobolIsAStratifiedAndSeededSequence() {
        ScrambledSobol s = new ScrambledSobol(3, 11);
        for (int d = 0; d < 3; d++) {
            boolean[] cell = new boolean[16];
            for (int i = 0; i < 16; i++) {
                double u = s.point(i)[d];
                assertTrue(u > 0 && u < 1);
                int c = (int) (u * 16);
                assertTrue(!cell[c], "two of the first 16 points share a 1/16 cell in dimension " + d);
                cell[c] = true;
            }
        }
        assertEquals(s.point(5)[1], new ScrambledSobol(3, 11).point(5)[1]);
        assertTrue(s.point(5)[1] != new ScrambledSobol(3, 12).point(5)[1]);
    }
}
