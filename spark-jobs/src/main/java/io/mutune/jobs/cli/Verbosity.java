package io.mutune.jobs.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.LoggerConfig;

/**
 * {@code --verbose}: Spark's, Delta's and DJL's INFO lines back on for one command, with their stack
 * traces (the quiet console prints one line per event), the levels and appender restored after it
 * (the quiet defaults come from {@code bin/log4j2.properties}).
 */
final class Verbosity implements AutoCloseable {
    private static final String[] LOGGERS = {"org.apache.spark", "org.apache.spark.sql.delta", "org.apache.iceberg", "io.delta", "ai.djl", "io.mutune"};
    /** The appenders of {@code bin/log4j2.properties}: one line per event, and the whole event. */
    private static final String QUIET = "console";
    private static final String FULL = "consoleFull";
    private final Map<String, Level> before = new LinkedHashMap<>();
    private boolean swapped;

    private Verbosity(boolean verbose) {
        if (!verbose) {
            return;
        }
        before.put(LogManager.ROOT_LOGGER_NAME, LogManager.getRootLogger().getLevel());
        for (String name : LOGGERS) {
            before.put(name, LogManager.getLogger(name).getLevel());
        }
        Configurator.setRootLevel(Level.INFO);
        for (String name : LOGGERS) {
            Configurator.setLevel(name, Level.INFO);
        }
        swapped = route(QUIET, FULL);
    }

    /** Moves the root logger from appender {@code from} to {@code to}; false when the configuration lacks either (tests). */
    private static boolean route(String from, String to) {
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        Configuration config = ctx.getConfiguration();
        Appender target = config.getAppender(to);
        LoggerConfig root = config.getRootLogger();
        if (target == null || !root.getAppenders().containsKey(from)) {
            return false;
        }
        root.removeAppender(from);
        root.addAppender(target, null, null);
        ctx.updateLoggers();
        return true;
    }

    /** Raises the levels when {@code verbose}; closing restores them. */
    static Verbosity of(boolean verbose) {
        return new Verbosity(verbose);
    }

    @Override
    public void close() {
        if (swapped) {
            route(FULL, QUIET);
        }
        before.forEach((name, level) -> {
            if (name.equals(LogManager.ROOT_LOGGER_NAME)) {
                Configurator.setRootLevel(level);
            } else {
                Configurator.setLevel(name, level);
            }
        });
    }
}
