package io.mutune.transfer.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A DJL optimizer whose per-tensor state (moment buffers, update counts) is visible, so that a
 * checkpoint can save it and a resumed trial continues bit-for-bit. DJL's own Adam and Sgd keep
 * that state private.
 */
public abstract class StatefulOptimizer extends Optimizer {
    protected final ParameterTracker lr;
    protected final Map<String, Double> weightDecay;
    private final Map<String, NDArray[]> slots = new LinkedHashMap<>();
    private final Map<String, Integer> updates = new LinkedHashMap<>();

    protected StatefulOptimizer(ParameterTracker lr, Map<String, Double> weightDecay) {
        super(new Settings());
        this.lr = lr;
        this.weightDecay = Map.copyOf(weightDecay);
    }

    /** How many state buffers each tensor keeps (Adam: 2, SGD with momentum: 1). */
    protected abstract int slotCount();

    /** The state buffers of each tensor, by tensor name, for checkpoints. */
    public Map<String, NDArray[]> slots() {
        return slots;
    }

    /** Update counts by tensor name, for checkpoints. */
    public Map<String, Integer> updates() {
        return updates;
    }

    /** Installs restored state; the arrays must live as long as the optimizer. */
    public void restore(String tensor, NDArray[] state, int updateCount) {
        if (state.length != slotCount()) {
            throw new IllegalArgumentException("tensor '" + tensor + "' has " + state.length + " state buffers, expected " + slotCount());
        }
        slots.put(tensor, state);
        updates.put(tensor, updateCount);
    }

    protected NDArray[] slotsOf(String tensor, NDArray weight) {
        return slots.computeIfAbsent(tensor, k -> {
            NDArray[] s = new NDArray[slotCount()];
            for (int i = 0; i < s.length; i++) {
                s[i] = weight.zerosLike();
                // created during a step's NDScope, but must live as long as the optimizer
                NDScope.unregister(s[i]);
            }
            return s;
        });
    }

    /** Returns the 0-based index of this update for {@code tensor} and counts it. */
    protected int nextUpdate(String tensor) {
        int n = updates.getOrDefault(tensor, 0);
        updates.put(tensor, n + 1);
        return n;
    }

    protected double weightDecayOf(String tensor) {
        Double wd = weightDecay.get(tensor);
        if (wd == null) {
            throw new IllegalArgumentException("no weight decay for tensor '" + tensor + "'; known: " + weightDecay.keySet());
        }
        return wd;
    }

    private static final class Settings extends OptimizerBuilder<Settings> {
        @Override
        protected Settings self() {
            return this;
        }
    }
}
