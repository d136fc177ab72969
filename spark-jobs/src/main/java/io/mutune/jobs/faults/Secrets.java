package io.mutune.jobs.faults;

import java.util.regex.Pattern;

/**
 * Takes secrets out of text that reaches the console: a password parameter in a URL, or the
 * password part of {@code user:password@host}. mutune never puts a password in a URL itself
 * (JdbcTarget refuses one); this guards the messages of drivers and file systems.
 */
public final class Secrets {
    private static final Pattern PARAMETER = Pattern.compile("(?i)\\b([a-z]*(?:password|secret|token)[a-z]*)=([^&;\\s,)]+)");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@\\s]+):([^/@\\s]+)@");

    private Secrets() { }

    /** {@code text} with secret values replaced by {@code ****}; null stays null. */
    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        String s = PARAMETER.matcher(text).replaceAll("$1=****");
        return USER_INFO.matcher(s).replaceAll("$1:****@");
    }
}
