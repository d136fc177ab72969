package io.mutune.connectors.checkpoint;

import io.mutune.connectors.journal.TrialStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Trial checkpoints on any Hadoop file system ({@code file:}, {@code hdfs:}, {@code s3a:} ...), laid
 * out as {@code ROOT/SWEEP/TRIAL/ckpt-RESOURCE.bin}. Writes are atomic ({@link AtomicFiles}), so an
 * executor killed mid-write leaves the previous checkpoint as the newest.
 */
public final class CheckpointStore {
    private static final Pattern NAME = Pattern.compile("ckpt-(\\d{12})\\.bin");
    private final Path root;
    private final FileSystem fs;

    public CheckpointStore(String rootUri, Configuration hadoop) {
        this.root = new Path(rootUri);
        try {
            this.fs = FileSystem.get(URI.create(rootUri), hadoop);
        } catch (IOException e) {
            throw new UncheckedIOException("output.checkpoints: cannot open the file system of " + rootUri, e);
        }
    }

    public Checkpoint write(String sweepId, String trialId, long resource, byte[] data) {
        if (resource < 0 || resource > 999_999_999_999L) {
            throw new IllegalArgumentException("checkpoint resource must be in 0..999999999999, got " + resource);
        }
        Path file = new Path(trialDir(sweepId, trialId), String.format("ckpt-%012d.bin", resource));
        AtomicFiles.write(fs, file, data);
        return new Checkpoint(sweepId, trialId, resource, fs.makeQualified(file).toString());
    }

    public byte[] read(Checkpoint checkpoint) {
        Path p = new Path(checkpoint.path());
        try (InputStream in = fs.open(p)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoint " + p, e);
        }
    }

    /** The trial's checkpoints, oldest first; temporary files of interrupted writes are not among them. */
    public List<Checkpoint> list(String sweepId, String trialId) {
        Path dir = trialDir(sweepId, trialId);
        List<Checkpoint> out = new ArrayList<>();
        try {
            if (!fs.exists(dir)) {
                return out;
            }
            for (FileStatus s : fs.listStatus(dir)) {
                Matcher m = NAME.matcher(s.getPath().getName());
                if (s.isFile() && m.matches()) {
                    out.add(new Checkpoint(sweepId, trialId, Long.parseLong(m.group(1)), s.getPath().toString()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list checkpoints in " + dir, e);
        }
        out.sort(Comparator.comparingLong(Checkpoint::resource));
        return out;
    }

    public Optional<Checkpoint> latest(String sweepId, String trialId) {
        List<Checkpoint> all = list(sweepId, trialId);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /**
     * Deletes old checkpoints as {@code retention} says, given each trial's latest status from the
     * journal. A trial is stopped for good when its status is STOPPED or DIVERGED; a FAILED trial
     * may be retried and keeps its checkpoints like a live one. Returns how many files were deleted.
     */
    public int cleanup(String sweepId, Map<String, TrialStatus> latestStatus, CheckpointRetention retention) {
        int deleted = 0;
        for (Map.Entry<String, TrialStatus> e : latestStatus.entrySet()) {
            boolean stopped = e.getValue() == TrialStatus.STOPPED || e.getValue() == TrialStatus.DIVERGED;
            int keep = stopped ? retention.keepStopped() : retention.keepLast();
            List<Checkpoint> all = list(sweepId, e.getKey());
            for (Checkpoint c : all.subList(0, Math.max(0, all.size() - keep))) {
                try {
                    deleted += fs.delete(new Path(c.path()), false) ? 1 : 0;
                } catch (IOException ex) {
                    throw new UncheckedIOException("cannot delete checkpoint " + c.path(), ex);
                }
            }
        }
        return deleted;
    }

    private Path trialDir(String sweepId, String trialId) {
        return new Path(new Path(root, segment("sweep id", sweepId)), segment("trial id", trialId));
    }

    /** Ids become folder names: nothing that could climb out of the root or be read as a URI. */
    private static String segment(String what, String id) {
        if (id == null || !id.matches("[A-Za-z0-9_.=-]{1,200}") || id.startsWith(".")) {
            throw new IllegalArgumentException("checkpoint " + what + " '" + id + "' is not a safe folder name;"
                    + " expected letters, digits, '_', '-', '.', '=', not starting with '.'");
        }
        return id;
    }
}
