package io.mutune.jobs.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exit codes of every {@code mutune} command, in one place; {@code mutune --help} lists them
 * and scripts (schedulers, CI) may rely on them.
 */
public final class ExitCodes {
    /** The command did what it was asked. */
    public static final int OK = 0;
    /** mutune itself failed (a bug, or an environment it cannot work in): a stack trace follows. */
    public static final int INTERNAL = 1;
    /** The user's input is wrong: a flag, a spec, a table or its data. One line names what and where. */
    public static final int USER_ERROR = 2;
    /** {@code mutune diff --fail-on-move}: a hyperparameter moved beyond its interval, so a scheduler can alert. */
    public static final int MOVED = 3;

    /** What {@code --help} lists, code first. */
    static Map<String, String> help() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("  " + OK, "success");
        m.put("  " + INTERNAL, "mutune failed (a bug or an unusable environment); a stack trace follows");
        m.put("  " + USER_ERROR, "bad input: an option, a spec, a table or its data; one line says what");
        m.put("  " + MOVED, "diff --fail-on-move: a hyperparameter moved beyond its interval");
        return m;
    }

    private ExitCodes() { }

    /** The code for an exception a command threw: the user's mistake or mutune's. */
    static int of(Throwable e) {
        return e instanceof IllegalArgumentException ? USER_ERROR : INTERNAL;
    }
}
