package io.mutune.transfer.checkpoint;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Reads and writes checkpoints through the Hadoop FileSystem API ({@code file:}, {@code hdfs:},
 * {@code s3a:}, {@code dbfs:}...). A write goes to a temporary name beside the target and is
 * renamed into place, so a reader never sees half a checkpoint and a killed task leaves the
 * previous one intact.
 */
public final class CheckpointStore {
    private CheckpointStore() {
    }

    public static void write(TrialCheckpoint c, String target) throws IOException {
        Path dest = new Path(target);
        FileSystem fs = dest.getFileSystem(new Configuration());
        Path tmp = new Path(dest.getParent(), "." + dest.getName() + ".tmp-" + UUID.randomUUID());
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(fs.create(tmp, true), 1 << 16))) {
            CheckpointFormat.write(c, out);
        }
        // Hadoop's rename does not replace an existing file on every file system; drop the old one first.
        if (fs.exists(dest) && !fs.delete(dest, false)) {
            fs.delete(tmp, false);
            throw new IOException("cannot replace checkpoint " + dest);
        }
        if (!fs.rename(tmp, dest)) {
            fs.delete(tmp, false);
            throw new IOException("cannot rename " + tmp + " to " + dest);
        }
    }

    public static TrialCheckpoint read(String source) throws IOException {
        Path p = new Path(source);
        FileSystem fs = p.getFileSystem(new Configuration());
        if (!fs.exists(p)) {
            throw new IllegalArgumentException("checkpoint " + source + " does not exist");
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(fs.open(p), 1 << 16))) {
            return CheckpointFormat.read(in, source);
        }
    }
}
