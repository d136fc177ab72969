package io.mutune.jobs.sweep;

import io.mutune.connectors.journal.JournalRow;
import io.mutune.connectors.journal.TrialStatus;

/**
 * Why a segment failed or diverged, short enough for a progress line: the first line of its
 * journal message, which the runners write as the reason ({@code exit 1: <last stderr line>},
 * {@code timed out after 3 s}, {@code no JSON metric line in stdout}), the details following on
 * the lines after it.
 */
final class FailureReason {
    static final int MAX_CHARS = 120;

    private FailureReason() { }

    /** The reason, or null for a segment that neither failed nor diverged. */
    static String of(JournalRow row) {
        if (row.status() != TrialStatus.FAILED && row.status() != TrialStatus.DIVERGED) {
            return null;
        }
        String m = row.message();
        if (m == null || m.isBlank()) {
            return row.status() == TrialStatus.DIVERGED ? "diverged" : "failed, no reason recorded";
        }
        String first = m.strip();
        int nl = first.indexOf('\n');
        first = (nl < 0 ? first : first.substring(0, nl)).strip();
        return first.length() <= MAX_CHARS ? first : first.substring(0, MAX_CHARS - 3) + "...";
    }
}
