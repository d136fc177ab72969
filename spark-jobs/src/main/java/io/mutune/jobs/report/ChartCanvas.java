package io.mutune.jobs.report;

/**
 * What {@link ChartRenderer} draws a chart through, so that the SVG and the PNG of a chart come
 * from one walk over its model. Coordinates are pixels on a {@link Chart#WIDTH} x
 * {@link Chart#HEIGHT} canvas, y downwards. Sizes passed as {@code int} are fixed design
 * constants, {@code double}s are computed positions; the SVG canvas writes the former as they are
 * and the latter to one decimal.
 */
interface ChartCanvas {

    /** Where a text's x coordinate lies on it. */
    enum Anchor { START, MIDDLE, END }

    void line(double x1, double y1, double x2, double y2, ShapeStyle style);

    /** Joins the points in order; the shape stays open. */
    void polyline(double[] xs, double[] ys, ShapeStyle style);

    /** Joins the points in order and closes the shape. */
    void polygon(double[] xs, double[] ys, ShapeStyle style);

    void circle(double cx, double cy, int radius, ShapeStyle style);

    void path(MarkPath path, ShapeStyle style);

    void rect(double x, double y, double width, double height, ShapeStyle style);

    /** A small fixed-size rectangle, such as a legend key. */
    void swatch(double x, double y, int width, int height, ShapeStyle style);

    /** Plain text in black, its baseline at {@code y}. */
    void text(double x, double y, String text, Anchor anchor);

    /** Text turned a quarter left, reading upwards, centred on ({@code x}, {@code y}): a y-axis label. */
    void verticalText(int x, double y, String text);

    /** The chart's title: larger and bold. */
    void title(double x, int baseline, String text);

    /** What is drawn from here until {@link #endPlotArea} is clipped to the plot area. */
    void beginPlotArea();

    void endPlotArea();
}
