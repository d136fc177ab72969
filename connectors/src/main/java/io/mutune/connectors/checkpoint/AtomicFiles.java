package io.mutune.connectors.checkpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Writes a file so that readers see the old one or the whole new one, never a part: the bytes go
 * to a hidden temporary name in the same folder, which is then renamed. A crash leaves at most a
 * {@code .tmp-} file, which listings skip.
 */
public final class AtomicFiles {
    public static final String TEMP_PREFIX = ".tmp-";

    private AtomicFiles() { }

    public static void write(FileSystem fs, Path target, byte[] bytes) {
        Path temp = new Path(target.getParent(), TEMP_PREFIX + target.getName() + "-" + UUID.randomUUID());
        try {
            try (FSDataOutputStream out = fs.create(temp, false)) {
                out.write(bytes);
                out.hsync();
            }
            // Hadoop's rename does not replace an existing file: a rewrite (a retried segment) removes it first.
            if (fs.exists(target) && !fs.delete(target, false)) {
                throw new IOException("cannot replace " + target);
            }
            if (!fs.rename(temp, target)) {
                throw new IOException("rename of " + temp + " to " + target + " failed");
            }
        } catch (IOException e) {
            try {
                fs.delete(temp, false);
            } catch (IOException ignored) {
                // The temporary name is skipped by readers; leaving it is harmless.
            }
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }
}
