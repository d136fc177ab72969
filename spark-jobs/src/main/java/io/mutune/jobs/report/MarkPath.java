package io.mutune.jobs.report;

import java.util.ArrayList;
import java.util.List;

/** An outline of straight segments for a point mark (a cross, a diamond), built once and drawn by either canvas. */
final class MarkPath {
    /** One step of the outline: a move or a line to ({@code x}, {@code y}), or a close when {@code kind} is {@code CLOSE}. */
    record Step(Kind kind, double x, double y) { }

    enum Kind { MOVE, LINE, CLOSE }

    private final List<Step> steps = new ArrayList<>();

    MarkPath moveTo(double x, double y) {
        steps.add(new Step(Kind.MOVE, x, y));
        return this;
    }

    MarkPath lineTo(double x, double y) {
        steps.add(new Step(Kind.LINE, x, y));
        return this;
    }

    MarkPath close() {
        steps.add(new Step(Kind.CLOSE, 0, 0));
        return this;
    }

    List<Step> steps() {
        return List.copyOf(steps);
    }
}
