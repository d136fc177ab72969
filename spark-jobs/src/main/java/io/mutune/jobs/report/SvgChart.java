package io.mutune.jobs.report;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Draws a {@link Chart} as an inline SVG element (no scripts, no external resources): the
 * {@link ChartCanvas} that writes SVG elements as text.
 */
public final class SvgChart implements ChartCanvas {
    private final StringBuilder sb = new StringBuilder();
    private final String clip;
    /** A shape was written and its line is not yet ended: a text label that follows goes on the same line. */
    private boolean lineOpen;

    private SvgChart(ChartFrame f) {
        Chart c = f.chart();
        clip = "clip-" + c.id();
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"chart-%s\" class=\"chart\" width=\"%d\""
                + " height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">\n",
                c.id(), Chart.WIDTH, Chart.HEIGHT, Chart.WIDTH, Chart.HEIGHT));
        sb.append("<title>").append(Html.escape(c.title())).append("</title>\n");
        sb.append("<defs><clipPath id=\"").append(clip).append("\"><rect").append(box(f.left(), f.top(), f.right() - f.left(), f.bottom() - f.top()))
                .append("/></clipPath></defs>\n");
        sb.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    }

    public static String render(Chart c) {
        ChartFrame f = ChartFrame.of(c);
        SvgChart svg = new SvgChart(f);
        ChartRenderer.draw(f, svg);
        svg.endLine();
        return svg.sb.append("</svg>").toString();
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, ShapeStyle style) {
        shape("line", style, " x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2) + "\" y2=\"" + num(y2) + "\"");
    }

    @Override
    public void polyline(double[] xs, double[] ys, ShapeStyle style) {
        shape("polyline", style, " points=\"" + points(xs, ys) + "\"");
    }

    @Override
    public void polygon(double[] xs, double[] ys, ShapeStyle style) {
        shape("polygon", style, " points=\"" + points(xs, ys) + "\"");
    }

    @Override
    public void circle(double cx, double cy, int radius, ShapeStyle style) {
        shape("circle", style, " cx=\"" + num(cx) + "\" cy=\"" + num(cy) + "\" r=\"" + radius + "\"");
    }

    @Override
    public void path(MarkPath path, ShapeStyle style) {
        StringBuilder d = new StringBuilder();
        for (MarkPath.Step s : path.steps()) {
            switch (s.kind()) {
                case MOVE -> d.append('M').append(num(s.x())).append(' ').append(num(s.y()));
                case LINE -> d.append('L').append(num(s.x())).append(' ').append(num(s.y()));
                case CLOSE -> d.append('Z');
            }
        }
        shape("path", style, " d=\"" + d + "\"");
    }

    @Override
    public void rect(double x, double y, double width, double height, ShapeStyle style) {
        shape("rect", style, box(x, y, width, height));
    }

    @Override
    public void swatch(double x, double y, int width, int height, ShapeStyle style) {
        shape("rect", style, " x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + width + "\" height=\"" + height + "\"");
    }

    @Override
    public void text(double x, double y, String text, Anchor anchor) {
        String align = switch (anchor) {
            case START -> "";
            case MIDDLE -> " text-anchor=\"middle\"";
            case END -> " text-anchor=\"end\"";
        };
        label("<text x=\"" + num(x) + "\" y=\"" + num(y) + "\"" + align + ">", text);
    }

    @Override
    public void verticalText(int x, double y, String text) {
        label("<text transform=\"translate(" + x + "," + num(y) + ") rotate(-90)\" text-anchor=\"middle\">", text);
    }

    @Override
    public void title(double x, int baseline, String text) {
        label("<text x=\"" + num(x) + "\" y=\"" + baseline + "\" font-size=\"14\" font-weight=\"bold\">", text);
    }

    @Override
    public void beginPlotArea() {
        endLine();
        sb.append("<g clip-path=\"url(#").append(clip).append(")\">\n");
    }

    @Override
    public void endPlotArea() {
        endLine();
        sb.append("</g>\n");
    }

    /** Attribute order: class, geometry, then the presentation attributes that differ from SVG's defaults. */
    private void shape(String element, ShapeStyle style, String geometry) {
        endLine();
        sb.append('<').append(element);
        if (style.cssClass() != null) {
            sb.append(" class=\"").append(style.cssClass()).append('"');
        }
        sb.append(geometry);
        if (style.fill() != null) {
            sb.append(" fill=\"").append(style.fill()).append('"');
        }
        if (style.fillOpacity() != 1) {
            sb.append(" fill-opacity=\"").append(plain(style.fillOpacity())).append('"');
        }
        if (style.stroke() != null) {
            sb.append(" stroke=\"").append(style.stroke()).append('"');
        }
        if (style.strokeWidth() != ShapeStyle.DEFAULT_WIDTH) {
            sb.append(" stroke-width=\"").append(plain(style.strokeWidth())).append('"');
        }
        if (style.dash() != null) {
            sb.append(" stroke-dasharray=\"");
            for (int i = 0; i < style.dash().length; i++) {
                sb.append(i > 0 ? "," : "").append(plain(style.dash()[i]));
            }
            sb.append('"');
        }
        sb.append("/>");
        lineOpen = true;
    }

    /** A text ends its line, which it shares with the shape it labels (a tick, a legend key) when there is one. */
    private void label(String openTag, String text) {
        sb.append(openTag).append(Html.escape(text)).append("</text>\n");
        lineOpen = false;
    }

    private void endLine() {
        if (lineOpen) {
            sb.append('\n');
            lineOpen = false;
        }
    }

    private static String box(double x, double y, double width, double height) {
        return " x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(width) + "\" height=\"" + num(height) + "\"";
    }

    private static String points(double[] xs, double[] ys) {
        StringBuilder pts = new StringBuilder();
        for (int i = 0; i < xs.length; i++) {
            pts.append(i > 0 ? " " : "").append(num(xs[i])).append(',').append(num(ys[i]));
        }
        return pts.toString();
    }

    /** A pixel position, to a tenth of a pixel: finer is invisible and only makes the page longer. */
    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** A style value (width, opacity, dash length) as written by hand: {@code 3}, {@code 1.6}, {@code 0.18}. */
    private static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
