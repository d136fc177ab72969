package io.mutune.jobs.sweep;

import io.mutune.connectors.journal.JournalRow;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FSError;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.StreamCapabilities;

/**
 * The journal's write-ahead log: every row the driver journals is first appended here and flushed
 * (milliseconds), then committed to the journal table in batches (a Delta commit takes a Spark job).
 * So a segment's RUNNING row is durable before its task starts without paying a table commit per
 * segment, and rows of a driver killed between two commits are not lost: resume reads both.
 *
 * <p>One file per driver run, under {@code SWEEP_FOLDER/_wal/}, so no file is ever appended to by
 * two runs. Needs a file system whose streams support hflush (file:, hdfs:); on object stores
 * (s3a:) {@link #open} returns null and the driver commits RUNNING rows to the table before it
 * starts their tasks instead.
 */
final class WriteAheadLog implements AutoCloseable {
    private final FSDataOutputStream out;
    private final Path file;
    private volatile boolean failed;

    private WriteAheadLog(FSDataOutputStream out, Path file) {
        this.out = out;
        this.file = file;
    }

    /** A new log file for this driver run, or null when the file system cannot flush durably. */
    static WriteAheadLog open(SweepFiles files) {
        Path dir = new Path(files.sweepFolder(), "_wal");
        Path file = new Path(dir, String.format("%013d-%s.jsonl", System.currentTimeMillis(), UUID.randomUUID()));
        try {
            FileSystem fs = rawIfLocal(files.fileSystem());
            fs.mkdirs(dir);
            FSDataOutputStream out = fs.create(file, false);
            if (!out.hasCapability(StreamCapabilities.HFLUSH)) {
                out.close();
                fs.delete(file, false);
                return null;
            }
            return new WriteAheadLog(out, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the journal's write-ahead log " + file + ": " + e.getMessage(), e);
        }
    }

    /** Buffers rows; they are durable once {@link #flush} returns. */
    void append(List<JournalRow> rows) {
        requireHealthy();
        try {
            for (JournalRow r : rows) {
                out.write((JournalRowJson.write(r) + "\n").getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException | FSError e) {
            failed = true;
            throw new UncheckedIOException("cannot write the journal's write-ahead log " + file + ": " + causeOf(e), asIo(e));
        }
    }

    void flush() {
        requireHealthy();
        try {
            out.hflush();
        } catch (IOException | FSError e) {
            failed = true;
            throw new UncheckedIOException("cannot flush the journal's write-ahead log " + file + ": " + causeOf(e), asIo(e));
        }
    }

    /**
     * Whether a write failed. A failed log is never written again: so a line cut short by a full disk
     * stays the last line of its file, where {@link #readAll} knows to skip it.
     */
    boolean failed() {
        return failed;
    }

    /** The folder of the sweep's logs, for messages. */
    String location() {
        return file.getParent().toString();
    }

    /** The local file system reports a full disk as an Error (FSError) wrapping the IOException. */
    private static IOException asIo(Throwable e) {
        return e instanceof IOException io ? io : e.getCause() instanceof IOException io ? io : new IOException(e);
    }

    private static String causeOf(Throwable e) {
        return asIo(e).getMessage();
    }

    private void requireHealthy() {
        if (failed) {
            throw new IllegalStateException("the journal's write-ahead log " + file + " failed earlier and is not written again");
        }
    }

    /**
     * Every row in every log of the sweep. A last line cut short (by a kill, or a disk that filled
     * up) is skipped: its row was never flushed, so no task was started for it. Any other line that
     * does not read is an error. Files that are not logs ({@code *.jsonl}) are not read.
     */
    static List<JournalRow> readAll(SweepFiles files) {
        Path dir = new Path(files.sweepFolder(), "_wal");
        List<JournalRow> rows = new ArrayList<>();
        try {
            FileSystem fs = rawIfLocal(files.fileSystem());
            if (!fs.exists(dir)) {
                return rows;
            }
            for (FileStatus f : fs.listStatus(dir)) {
                if (!f.getPath().getName().endsWith(".jsonl")) {
                    continue;
                }
                try (BufferedReader r = new BufferedReader(new InputStreamReader(fs.open(f.getPath()), StandardCharsets.UTF_8))) {
                    String line = r.readLine();
                    while (line != null) {
                        String next = r.readLine();
                        if (!line.isBlank()) {
                            readLine(line, next == null, f.getPath(), rows);
                        }
                        line = next;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the journal's write-ahead log in " + dir + ": " + e.getMessage(), e);
        }
        return rows;
    }

    private static void readLine(String line, boolean last, Path file, List<JournalRow> rows) {
        try {
            rows.add(JournalRowJson.read(line));
        } catch (IllegalArgumentException e) {
            // Any strict prefix of a row's JSON object lacks its closing brace, so a torn line never reads as a row.
            if (!last) {
                throw new IllegalArgumentException("write-ahead log " + file + " has a bad row: " + e.getMessage(), e);
            }
        }
    }

    /** The checksummed local file system buffers whole chunks; the raw one flushes what it is given. */
    private static FileSystem rawIfLocal(FileSystem fs) {
        return fs instanceof LocalFileSystem local ? local.getRaw() : fs;
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the journal's write-ahead log " + file + ": " + e.getMessage(), e);
        }
    }
}
