package io.mutune.jobs.report;

/** Colours by series index: a colour-blind-safe qualitative palette (Okabe and Ito, 2008). */
public final class Palette {
    private static final String[] HEX = {
        "#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000",
    };

    private Palette() { }

    public static String hex(int index) {
        return HEX[Math.floorMod(index, HEX.length)];
    }
}
