package io.mutune.jobs.faults;

/**
 * An exception as one line for the console: its own message's first line and, when the root cause
 * says something the message does not, the root cause's; whitespace collapsed, secrets taken out,
 * at most {@value #MAX_CHARS} characters. Spark and Delta wrap a file system's "Permission denied"
 * three levels deep; this is what finds it.
 */
public final class OneLine {
    static final int MAX_CHARS = 400;

    private OneLine() { }

    public static String of(Throwable e) {
        Throwable said = pastSparkWrappers(e);
        String top = firstLine(said);
        Throwable root = root(said);
        String line = top;
        if (root != said) {
            String deep = firstLine(root);
            if (!top.contains(deep)) {
                line = top + " (" + deep + ")";
            }
        }
        line = Secrets.redact(line.replaceAll("\\s+", " ").trim());
        return line.length() <= MAX_CHARS ? line : line.substring(0, MAX_CHARS - 3) + "...";
    }

    /**
     * Past Spark's job wrappers ("Job aborted due to stage failure: Task 0 in stage 6.0 failed 1
     * times, most recent failure: Lost task ...: java.io.FileNotFoundException: ..."), to what they wrap.
     */
    static Throwable pastSparkWrappers(Throwable e) {
        Throwable t = e;
        while (t instanceof org.apache.spark.SparkException && t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
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
    public static String firstLine(Throwable t) {
        String m = t.getMessage();
        if (m == null || m.isBlank()) {
            return t.getClass().getSimpleName();
        }
        String s = m.strip();
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl).strip();
    }
}
