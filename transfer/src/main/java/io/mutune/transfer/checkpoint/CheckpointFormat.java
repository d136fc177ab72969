package io.mutune.transfer.checkpoint;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The explicit, versioned byte layout of a {@link TrialCheckpoint} (no Java serialisation of
 * object graphs): magic, version, trial id, step, the shape facts, tensors, optimizer slots and
 * update counts. Floats are written as raw IEEE-754 bits, so a round trip is exact.
 */
final class CheckpointFormat {
    static final String MAGIC = "MUTUNE-PROXY-CKPT";
    static final int VERSION = 1;

    private CheckpointFormat() {
    }

    static void write(TrialCheckpoint c, DataOutputStream out) throws IOException {
        out.writeUTF(MAGIC);
        out.writeInt(VERSION);
        out.writeUTF(c.trialId());
        out.writeLong(c.step());
        out.writeInt(c.shapes().size());
        for (Map.Entry<String, String> e : c.shapes().entrySet()) {
            out.writeUTF(e.getKey());
            writeLongString(out, e.getValue());
        }
        out.writeInt(c.tensors().size());
        for (Map.Entry<String, TrialCheckpoint.Tensor> e : c.tensors().entrySet()) {
            out.writeUTF(e.getKey());
            writeTensor(out, e.getValue());
            TrialCheckpoint.Tensor[] s = c.slots().getOrDefault(e.getKey(), new TrialCheckpoint.Tensor[0]);
            out.writeInt(s.length);
            for (TrialCheckpoint.Tensor t : s) {
                writeTensor(out, t);
            }
            out.writeInt(c.updates().getOrDefault(e.getKey(), 0));
        }
    }

    static TrialCheckpoint read(DataInputStream in, String where) throws IOException {
        String magic = in.readUTF();
        if (!MAGIC.equals(magic)) {
            throw new IllegalArgumentException(where + ": not a mutune proxy checkpoint (magic '" + magic + "')");
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new IllegalArgumentException(where + ": checkpoint format version " + version + ", this build reads " + VERSION);
        }
        String trialId = in.readUTF();
        long step = in.readLong();
        Map<String, String> shapes = new LinkedHashMap<>();
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            shapes.put(in.readUTF(), readLongString(in));
        }
        Map<String, TrialCheckpoint.Tensor> tensors = new LinkedHashMap<>();
        Map<String, TrialCheckpoint.Tensor[]> slots = new LinkedHashMap<>();
        Map<String, Integer> updates = new LinkedHashMap<>();
        int count = in.readInt();
        for (int i = 0; i < count; i++) {
            String name = in.readUTF();
            tensors.put(name, readTensor(in));
            TrialCheckpoint.Tensor[] s = new TrialCheckpoint.Tensor[in.readInt()];
            for (int j = 0; j < s.length; j++) {
                s[j] = readTensor(in);
            }
            slots.put(name, s);
            updates.put(name, in.readInt());
        }
        return new TrialCheckpoint(trialId, step, shapes, tensors, slots, updates);
    }

    private static void writeTensor(DataOutputStream out, TrialCheckpoint.Tensor t) throws IOException {
        out.writeInt(t.shape().length);
        for (long d : t.shape()) {
            out.writeLong(d);
        }
        out.writeInt(t.values().length);
        for (float v : t.values()) {
            out.writeInt(Float.floatToRawIntBits(v));
        }
    }

    private static TrialCheckpoint.Tensor readTensor(DataInputStream in) throws IOException {
        long[] shape = new long[in.readInt()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = in.readLong();
        }
        float[] values = new float[in.readInt()];
        for (int i = 0; i < values.length; i++) {
            values[i] = Float.intBitsToFloat(in.readInt());
        }
        return new TrialCheckpoint.Tensor(shape, values);
    }

    private static void writeLongString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readLongString(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }
}
