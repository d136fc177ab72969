package io.mutune.jobs.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CPU seconds a process (and optionally its descendants) has used so far, from /proc/PID/stat
 * (utime + stime), and the machine's load, for the benchmark's "what else ran" line. Linux only.
 */
final class ProcessCpu {
    private static final double TICKS_PER_SECOND = 100.0;   // USER_HZ: 100 on every Linux this runs on

    private ProcessCpu() { }

    /** utime + stime of one process in seconds; 0 when it has exited. */
    static double seconds(long pid) {
        return seconds(pid, false);
    }

    /** With {@code reaped}, also the CPU of its children that have exited (cutime + cstime). */
    static double seconds(long pid, boolean reaped) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // fields after the command name, which is in parentheses and may hold spaces
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            if (reaped) {
                ticks += Long.parseLong(f[13]) + Long.parseLong(f[14]);
            }
            return ticks / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    /**
     * The process and every live descendant (executors under a Worker, trial scripts under them),
     * each with its exited children: a trial script that ended counts in its executor's figure.
     */
    static double withDescendants(ProcessHandle p) {
        double s = seconds(p.pid(), true);
        List<ProcessHandle> children = p.descendants().toList();
        for (ProcessHandle c : children) {
            s += seconds(c.pid(), true);
        }
        return s;
    }

    /** The 1-minute load average. */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Busy and total CPU ticks of the whole machine, from /proc/stat's first line. */
    static long[] machineTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }
}
