package io.mutune.jobs.report;

/**
 * How a canvas fills and strokes a shape, in SVG's terms (colours as CSS colours, opacity 0 to 1);
 * the PNG canvas follows the same values.
 *
 * @param cssClass    a class naming what the shape shows (e.g. {@code stop}), for styling and tests; or null
 * @param fill        the fill colour, {@code none}, or null for the canvas default (SVG: black; nothing to fill in open outlines)
 * @param fillOpacity from 0 to 1
 * @param stroke      the outline colour, {@code none}, or null for none
 * @param strokeWidth in pixels
 * @param dash        dash and gap lengths, or null for a solid line
 */
record ShapeStyle(String cssClass, String fill, double fillOpacity, String stroke, double strokeWidth, float[] dash) {
    static final double DEFAULT_WIDTH = 1;

    ShapeStyle {
        if (!(fillOpacity >= 0 && fillOpacity <= 1) || !(strokeWidth > 0)) {
            throw new IllegalArgumentException("fill opacity must be in [0, 1] and stroke width positive, got "
                    + fillOpacity + " and " + strokeWidth);
        }
        dash = dash == null ? null : dash.clone();
    }

    static ShapeStyle stroked(String color) {
        return new ShapeStyle(null, null, 1, color, DEFAULT_WIDTH, null);
    }

    static ShapeStyle filled(String color) {
        return new ShapeStyle(null, color, 1, null, DEFAULT_WIDTH, null);
    }

    ShapeStyle withClass(String c) {
        return new ShapeStyle(c, fill, fillOpacity, stroke, strokeWidth, dash);
    }

    ShapeStyle withFill(String color) {
        return new ShapeStyle(cssClass, color, fillOpacity, stroke, strokeWidth, dash);
    }

    ShapeStyle withFillOpacity(double opacity) {
        return new ShapeStyle(cssClass, fill, opacity, stroke, strokeWidth, dash);
    }

    ShapeStyle withStroke(String color) {
        return new ShapeStyle(cssClass, fill, fillOpacity, color, strokeWidth, dash);
    }

    ShapeStyle withWidth(double width) {
        return new ShapeStyle(cssClass, fill, fillOpacity, stroke, width, dash);
    }

    /** Null for a solid line. */
    ShapeStyle withDash(float... lengths) {
        return new ShapeStyle(cssClass, fill, fillOpacity, stroke, strokeWidth, lengths);
    }

    boolean fills() {
        return fill != null && !fill.equals("none");
    }

    boolean strokes() {
        return stroke != null && !stroke.equals("none");
    }
}
