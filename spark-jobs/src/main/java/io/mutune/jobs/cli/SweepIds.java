package io.mutune.jobs.cli;

import io.mutune.jobs.spec.SweepSpec;
import io.mutune.jobs.sweep.SweepFiles;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.apache.hadoop.conf.Configuration;

/** Which sweep a {@code mutune sweep} run is: a new one, a named one, the last one, or tonight's. */
final class SweepIds {
    private SweepIds() { }

    /** @param namedId the {@code --sweep-id} given, or null */
    static String choose(SweepStart start, String namedId, SweepSpec spec, Configuration hadoop, Clock clock) {
        return switch (start) {
            case NIGHTLY -> nightly(spec, clock);
            case NAMED -> namedId;
            case RESUME_LATEST -> {
                String latest = SweepFiles.latest(spec.output().checkpoints(), spec.sweep(), hadoop);
                if (latest == null) {
                    throw new IllegalArgumentException("--resume: no sweep of spec '" + spec.sweep() + "' was started with checkpoints in "
                            + spec.output().checkpoints() + "; name one with --sweep-id");
                }
                yield latest;
            }
            case NEW -> spec.sweep() + "-" + ZonedDateTime.now(clock.withZone(ZoneOffset.UTC)).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        };
    }

    /** The spec's name and the UTC date: every run on the same night is the same sweep. */
    static String nightly(SweepSpec spec, Clock clock) {
        return spec.sweep() + "-" + LocalDate.now(clock.withZone(ZoneOffset.UTC)).format(DateTimeFormatter.BASIC_ISO_DATE);
    }
}
