package io.mutune.transfer.proxy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.mutune.hpo.runner.TrialSegment;
import io.mutune.transfer.checkpoint.CheckpointStore;
import io.mutune.transfer.checkpoint.TrialCheckpoint;
import io.mutune.transfer.engine.Autograd;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Moves a trial's state to and from a {@link TrialCheckpoint}. Loading refuses a checkpoint whose
 * base shapes, model shape, parametrization or optimizer differ from the trial's: muP
 * hyperparameters only mean something relative to the base shapes they were tuned at
 * (microsoft/mup's {@code torch.save} drops them, a known pitfall).
 */
final class Checkpoints {
    private Checkpoints() {
    }

    /** Restores the segment's checkpoint into the trial; returns the step it reached (0 without one). */
    static long restore(TrialSegment segment, ProxyTrial trial, NDManager manager, long fromStep) throws IOException {
        if (segment.resumeFrom() == null) {
            return 0;
        }
        TrialCheckpoint c = CheckpointStore.read(segment.resumeFrom());
        verifyShapes(segment.resumeFrom(), c.shapes(), trial.shapes());
        if (c.step() > fromStep) {
            throw new IllegalArgumentException("checkpoint " + segment.resumeFrom() + " is at step " + c.step()
                    + ", past the segment's start step " + fromStep + " (trial " + segment.trialId() + ")");
        }
        try (Autograd off = Autograd.pause()) {
            for (ProxyTensor t : trial.model().tensors()) {
                TrialCheckpoint.Tensor saved = c.tensors().get(t.name());
                if (saved == null || !new Shape(saved.shape()).equals(t.array().getShape())) {
                    throw new IllegalArgumentException("checkpoint " + segment.resumeFrom() + " has no tensor " + t.name()
                            + " of shape " + t.array().getShape());
                }
                t.array().set(FloatBuffer.wrap(saved.values()));
                TrialCheckpoint.Tensor[] slots = c.slots().get(t.name());
                NDArray[] state = new NDArray[slots.length];
                for (int i = 0; i < slots.length; i++) {
                    state[i] = manager.create(slots[i].values(), new Shape(slots[i].shape()));
                }
                if (state.length > 0) {
                    trial.optimizer().restore(t.name(), state, c.updates().get(t.name()));
                }
            }
        }
        return c.step();
    }

    static void verifyShapes(String where, Map<String, String> saved, Map<String, String> expected) {
        if (!saved.containsKey("base")) {
            throw new IllegalArgumentException("checkpoint " + where + " records no base shapes; refusing to load it, "
                    + "since its hyperparameters cannot be interpreted without them");
        }
        for (Map.Entry<String, String> e : expected.entrySet()) {
            String got = saved.get(e.getKey());
            if (!e.getValue().equals(got)) {
                throw new IllegalArgumentException("checkpoint " + where + " was written with " + e.getKey() + " " + got
                        + " but this trial has " + e.getKey() + " " + e.getValue());
            }
        }
    }

    /** Writes the trial's checkpoint where the segment asks; returns its path, or null if none was asked for. */
    static String save(TrialSegment segment, ProxyTrial trial, long step) throws IOException {
        if (segment.checkpointTo() == null) {
            return null;
        }
        Map<String, TrialCheckpoint.Tensor> tensors = new LinkedHashMap<>();
        Map<String, TrialCheckpoint.Tensor[]> slots = new LinkedHashMap<>();
        for (ProxyTensor t : trial.model().tensors()) {
            tensors.put(t.name(), snapshot(t.array()));
            NDArray[] s = trial.optimizer().slots().get(t.name());
            TrialCheckpoint.Tensor[] copy = new TrialCheckpoint.Tensor[s == null ? 0 : s.length];
            for (int i = 0; i < copy.length; i++) {
                copy[i] = snapshot(s[i]);
            }
            slots.put(t.name(), copy);
        }
        TrialCheckpoint c = new TrialCheckpoint(segment.trialId(), step, trial.shapes(), tensors, slots,
                trial.optimizer().updates());
        CheckpointStore.write(c, segment.checkpointTo());
        return segment.checkpointTo();
    }

    private static TrialCheckpoint.Tensor snapshot(NDArray a) {
        return new TrialCheckpoint.Tensor(a.getShape().getShape(), a.toFloatArray());
    }
}
