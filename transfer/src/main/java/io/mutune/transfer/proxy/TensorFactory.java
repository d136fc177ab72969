package io.mutune.transfer.proxy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.mutune.transfer.data.Seeds;
import io.mutune.transfer.param.OptimizerFamily;
import io.mutune.transfer.param.Parametrization;
import io.mutune.transfer.param.Role;
import io.mutune.transfer.param.TensorPlacement;
import io.mutune.transfer.param.TensorScaling;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Creates a model's tensors with the init its parametrization prescribes. Random values come from
 * Java's {@link SplittableRandom} (one stream per tensor, in creation order), not the engine's RNG,
 * so a seed gives the same weights on any device and engine version.
 */
final class TensorFactory {
    private final NDManager manager;
    private final Parametrization parametrization;
    private final OptimizerFamily family;
    private final double widthMult;
    private final double depthMult;
    private final long seed;
    private final double initMult;
    private final List<ProxyTensor> created = new ArrayList<>();

    TensorFactory(NDManager manager, Parametrization parametrization, OptimizerFamily family,
                  double widthMult, double depthMult, long seed, double initMult) {
        if (!(initMult >= 0) || !Double.isFinite(initMult)) {
            throw new IllegalArgumentException("init_std must be finite and >= 0, got " + initMult);
        }
        this.manager = manager;
        this.parametrization = parametrization;
        this.family = family;
        this.widthMult = widthMult;
        this.depthMult = depthMult;
        this.seed = seed;
        this.initMult = initMult;
    }

    List<ProxyTensor> created() {
        return List.copyOf(created);
    }

    /** A weight stored as [fanIn, fanOut] (the layer computes x·W). */
    ProxyTensor weight(String name, Role role, int fanIn, int fanOut, int baseFanIn, int baseFanOut,
                       boolean inBranch, boolean zeroInit) {
        TensorScaling s = parametrization.scale(placement(role, fanIn, baseFanIn, inBranch));
        float[] values = new float[fanIn * fanOut];
        if (!zeroInit) {
            SplittableRandom r = new SplittableRandom(Seeds.mix(seed, created.size()));
            double std = s.initStd() * initMult;
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) (std * r.nextGaussian());
            }
        }
        return add(name, role, new long[] {baseFanIn, baseFanOut}, values, new Shape(fanIn, fanOut), s);
    }

    /** A zero-initialised bias. */
    ProxyTensor bias(String name, int size, int baseSize, boolean inBranch) {
        TensorScaling s = parametrization.scale(placement(Role.BIAS, 1, 1, inBranch));
        return add(name, Role.BIAS, new long[] {baseSize}, new float[size], new Shape(size), s);
    }

    /** A normalisation gain initialised to one. */
    ProxyTensor gain(String name, int size, int baseSize, boolean inBranch) {
        TensorScaling s = parametrization.scale(placement(Role.NORM, 1, 1, inBranch));
        float[] ones = new float[size];
        java.util.Arrays.fill(ones, 1f);
        return add(name, Role.NORM, new long[] {baseSize}, ones, new Shape(size), s);
    }

    private TensorPlacement placement(Role role, int fanIn, int baseFanIn, boolean inBranch) {
        return new TensorPlacement(role, fanIn, baseFanIn, widthMult, depthMult, inBranch, family);
    }

    private ProxyTensor add(String name, Role role, long[] baseShape, float[] values, Shape shape, TensorScaling s) {
        NDArray a = manager.create(values, shape);
        a.setName(name);
        a.setRequiresGradient(true);
        ProxyTensor t = new ProxyTensor(name, role, baseShape, a, s);
        created.add(t);
        return t;
    }
}
