package io.mutune.jobs.faults;

/**
 * An exception as one line for the console: its own message's first line and, when the root cause
 * says something the message does not, the root cause's; whitespace collapsed, secrets taken out,
 * at most {@value #MAX_CHARS} characters. Spark and Delta wrap a file system's "Permission denied"
 * three levels deep; this is what finds it.
 */
public final class OneLine {
    static final int MAX_CHARS = 400;
    /** A message longer than this that merely repeats its root cause gives way to the root cause. */
    static final int WRAPPER_CHARS = 160;

    private OneLine() { }

    public static String of(Throwable e) {
        String top = firstLine(e);
        Throwable root = root(e);
        String line = top;
        if (root != e) {
            String deep = firstLine(root);
            if (!top.contains(deep)) {
                line = top + " (" + deep + ")";
            } else if (top.length() > WRAPPER_CHARS) {
                // Spark's "Job aborted due to stage failure: Task 0 in stage 6.0 failed 1 times, ... (Permission denied)": the root says it.
                line = root.getClass().getSimpleName() + ": " + deep;
            }
        }
        line = Secrets.redact(line.replaceAll("\\s+", " ").trim());
        return line.length() <= MAX_CHARS ? line : line.substring(0, MAX_CHARS - 3) + "...";
    }

    /** The deepest cause. */
    public static Throwable root(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    /** The first line of the message, or the class's simple name when there is none. */
    static String firstLine(Throwable t) {
        String m = t.getMessage();
        if (m == null || m.isBlank()) {
            return t.getClass().getSimpleName();
        }
        String s = m.strip();
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl).strip();
    }
}
