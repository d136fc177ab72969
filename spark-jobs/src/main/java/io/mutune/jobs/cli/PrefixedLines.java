package io.mutune.jobs.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * An output stream that writes each line to {@code target} behind a prefix, so the lines of
 * sweeps running side by side on one console say which sweep they belong to. A line is written
 * whole; what one write call holds stays together.
 */
final class PrefixedLines extends OutputStream {
    private final PrintStream target;
    private final byte[] prefix;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    PrefixedLines(PrintStream target, String prefix) {
        this.target = target;
        this.prefix = prefix.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        synchronized (target) {
            for (int i = off; i < off + len; i++) {
                line.write(b[i]);
                if (b[i] == '\n') {
                    target.write(prefix, 0, prefix.length);
                    target.write(line.toByteArray(), 0, line.size());
                    line.reset();
                }
            }
            target.flush();
        }
    }

    @Override
    public void flush() {
        target.flush();
    }

    /** A print stream over this, with autoflush. */
    PrintStream printStream() {
        return new PrintStream(this, true, java.nio.charset.StandardCharsets.UTF_8);
    }
}
