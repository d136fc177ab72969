package io.mutune.jobs.external;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * Drains one of a child process's output streams on its own thread (an undrained pipe blocks the
 * child), hands every line to a consumer, and keeps the last few kilobytes for error messages.
 */
final class StreamTail {
    private final Deque<String> lines = new ArrayDeque<>();
    private final int maxChars;
    private final Thread thread;
    private int chars;

    StreamTail(InputStream stream, int maxChars, Consumer<String> onLine, String threadName) {
        this.maxChars = maxChars;
        this.thread = new Thread(() -> drain(stream, onLine), threadName);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void drain(InputStream stream, Consumer<String> onLine) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                onLine.accept(line);
                keep(line);
            }
        } catch (IOException e) {
            // The process was killed and its pipe closed: what was read so far is the tail.
        }
    }

    private synchronized void keep(String line) {
        lines.addLast(line);
        chars += line.length() + 1;
        while (chars > maxChars && lines.size() > 1) {
            chars -= lines.removeFirst().length() + 1;
        }
    }

    /** Waits (briefly) for the stream to end, so the tail holds the last lines the process wrote. */
    String awaitTail(long millis) {
        try {
            thread.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return tail();
    }

    synchronized String tail() {
        return String.join("\n", lines);
    }
}
