package io.mutune.jobs.report;

/** Legend text rules shared by the renderers, so SVG and PNG legends read the same. */
final class Legend {
    static final int MAX_CHARS = 24;

    private Legend() { }

    static String clip(String label) {
        return label.length() <= MAX_CHARS ? label : label.substring(0, MAX_CHARS - 1) + "…";
    }
}
