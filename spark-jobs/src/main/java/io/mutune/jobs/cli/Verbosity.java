package io.mutune.jobs.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * {@code --verbose}: Spark's, Delta's and DJL's INFO lines back on for one command, the levels
 * restored after it (the quiet defaults come from {@code bin/log4j2.properties}).
 */
final class Verbosity implements AutoCloseable {
    private static final String[] LOGGERS = {"org.apache.spark", "org.apache.spark.sql.delta", "org.apache.iceberg", "io.delta", "ai.djl", "io.mutune"};
    private final Map<String, Level> before = new LinkedHashMap<>();

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
    }

    /** Raises the levels when {@code verbose}; closing restores them. */
    static Verbosity of(boolean verbose) {
        return new Verbosity(verbose);
    }

    @Override
    public void close() {
        before.forEach((name, level) -> {
            if (name.equals(LogManager.ROOT_LOGGER_NAME)) {
                Configurator.setRootLevel(level);
            } else {
                Configurator.setLevel(name, level);
            }
        });
    }
}
