package io.mutune.jobs.cli;

import picocli.CommandLine.Option;

/** The options every command takes. */
final class CommonOptions {
    @Option(names = "--verbose", description = "Print Spark's, Delta's and DJL's INFO logs too (quiet by default: warnings and errors only).")
    boolean verbose;
}
