package io.mutune.hpo.math;

/**
 * Hyperparameters of a zero-mean GP with a Matérn-5/2 ARD kernel, on standardised outputs.
 *
 * @param lengthScales one per input dimension, in unit-hypercube units
 * @param signalVariance the kernel's amplitude s2
 * @param noiseVariance observation noise added to the diagonal
 */
public record GpHyperparameters(double[] lengthScales, double signalVariance, double noiseVariance) {
    public GpHyperparameters {
        for (double l : lengthScales) {
            if (!(l > 0)) {
                throw new IllegalArgumentException("length scales must be > 0, got " + java.util.Arrays.toString(lengthScales));
            }
        }
        if (!(signalVariance > 0) || !(noiseVariance > 0)) {
            throw new IllegalArgumentException("variances must be > 0, got signal " + signalVariance + ", noise " + noiseVariance);
        }
        lengthScales = lengthScales.clone();
    }

    /** Log parameters [log l_1..l_D, log s2, log noise], the space the fit optimises in. */
    public double[] toLog() {
        double[] t = new double[lengthScales.length + 2];
        for (int d = 0; d < lengthScales.length; d++) {
            t[d] = Math.log(lengthScales[d]);
        }
        t[lengthScales.length] = Math.log(signalVariance);
        t[lengthScales.length + 1] = Math.log(noiseVariance);
        return t;
    }

    public static GpHyperparameters fromLog(double[] t) {
        int dims = t.length - 2;
        double[] l = new double[dims];
        for (int d = 0; d < dims; d++) {
            l[d] = Math.exp(t[d]);
        }
        return new GpHyperparameters(l, Math.exp(t[dims]), Math.exp(t[dims + 1]));
    }

    public double[] inverseLengthScales() {
        double[] inv = new double[lengthScales.length];
        for (int d = 0; d < inv.length; d++) {
            inv[d] = 1 / lengthScales[d];
        }
        return inv;
    }
}
