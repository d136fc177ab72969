package io.mutune.jobs.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A sweep's files beside its checkpoints, through the Hadoop FileSystem API: the checkpoints of
 * each trial, the journal's write-ahead log, the marker that the sweep was published, and per spec
 * name the id of the sweep last started (what {@code --resume} resumes).
 */
public final class SweepFiles {
    private final Path root;
    private final String sweepId;
    private final Configuration hadoop;
    private FileSystem fs;

    public SweepFiles(String checkpointsUri, String sweepId, Configuration hadoop) {
        this.root = qualifiedRoot(checkpointsUri);
        this.sweepId = sweepId;
        this.hadoop = hadoop;
    }

    /** {@code file:relative/dir} is made absolute, so executors and a resumed driver agree on it. */
    private static Path qualifiedRoot(String uri) {
        if (uri.startsWith("file:") && !uri.startsWith("file:/")) {
            return new Path(java.nio.file.Path.of(uri.substring("file:".length())).toAbsolutePath().toUri());
        }
        return new Path(uri);
    }

    Path sweepFolder() {
        return new Path(root, sweepId);
    }

    /** Opened on first use: naming a checkpoint path needs no connection to its file system. */
    synchronized FileSystem fileSystem() {
        if (fs == null) {
            try {
                fs = root.getFileSystem(hadoop);
            } catch (IOException e) {
                throw new UncheckedIOException("output.checkpoints: no file system for " + root + ": " + e.getMessage(), e);
            }
        }
        return fs;
    }

    /**
     * Checks, before any trial runs, that the sweep's folder and its write-ahead log folder can be
     * written: makes them, then writes, flushes and deletes a probe file in the log folder. The
     * probe is not named {@code *.jsonl}, so a log reader never mistakes one left behind for a log.
     */
    public void requireWritable() {
        Path dir = new Path(sweepFolder(), "_wal");
        Path probe = new Path(dir, "_probe-" + java.util.UUID.randomUUID());
        try {
            FileSystem files = fileSystem();
            if (!files.mkdirs(dir)) {
                throw new IOException("mkdirs returned false");
            }
            try (FSDataOutputStream out = files.create(probe, false)) {
                out.write("mutune".getBytes(StandardCharsets.UTF_8));
                out.hflush();
            }
            files.delete(probe, false);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("output.checkpoints: cannot write " + dir + ": " + io.mutune.jobs.faults.OneLine.of(e), e);
        }
    }

    /** Where a trial's state after training to {@code resource} is written (and later resumed from). */
    public String checkpoint(String trialId, long resource) {
        return new Path(new Path(sweepFolder(), trialId), "r" + resource).toString();
    }

    public boolean published() {
        return exists(new Path(sweepFolder(), "_published"));
    }

    public void markPublished(long version) {
        write(new Path(sweepFolder(), "_published"), Long.toString(version));
    }

    /** Records this sweep as the last one started from the spec named {@code specName}. */
    public void markLatest(String specName) {
        write(new Path(new Path(root, "_latest"), specName), sweepId);
    }

    /** The id of the sweep last started from {@code specName}, or null. */
    public static String latest(String checkpointsUri, String specName, Configuration hadoop) {
        Path p = new Path(new Path(qualifiedRoot(checkpointsUri), "_latest"), specName);
        try {
            FileSystem fs = p.getFileSystem(hadoop);
            if (!fs.exists(p)) {
                return null;
            }
            try (FSDataInputStream in = fs.open(p)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p + ": " + e.getMessage(), e);
        }
    }

    private boolean exists(Path p) {
        try {
            return fileSystem().exists(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p + ": " + e.getMessage(), e);
        }
    }

    private void write(Path p, String text) {
        try (FSDataOutputStream out = fileSystem().create(p, true)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + p + ": " + e.getMessage(), e);
        }
    }
}
