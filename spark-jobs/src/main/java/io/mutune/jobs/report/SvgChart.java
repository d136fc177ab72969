package io.mutune.jobs.report;

import java.util.Locale;

/** Draws a {@link Chart} as an inline SVG element (no scripts, no external resources). */
public final class SvgChart {
    private SvgChart() { }

    public static String render(Chart c) {
        ChartFrame f = ChartFrame.of(c);
        StringBuilder sb = new StringBuilder();
        String clip = "clip-" + c.id();
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"chart-%s\" class=\"chart\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">%n",
                c.id(), Chart.WIDTH, Chart.HEIGHT, Chart.WIDTH, Chart.HEIGHT));
        sb.append("<title>").append(Html.escape(c.title())).append("</title>\n");
        sb.append(String.format(Locale.ROOT, "<defs><clipPath id=\"%s\"><rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/></clipPath></defs>%n",
                clip, f.left(), f.top(), f.right() - f.left(), f.bottom() - f.top()));
        sb.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        axes(sb, f);
        sb.append("<g clip-path=\"url(#").append(clip).append(")\">\n");
        for (Band b : c.bands()) {
            band(sb, f, b);
        }
        for (double v : c.vLines()) {
            if (f.x().contains(v)) {
                double px = f.x().toPixel(v);
                sb.append(String.format(Locale.ROOT, "<line class=\"rung\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#999\" stroke-dasharray=\"2,3\"/>%n",
                        px, f.top(), px, f.bottom()));
            }
        }
        for (Series s : c.series()) {
            series(sb, f, s);
        }
        sb.append("</g>\n");
        legend(sb, c);
        sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"20\" font-size=\"14\" font-weight=\"bold\">%s</text>%n", f.left(), Html.escape(c.title())));
        sb.append("</svg>");
        return sb.toString();
    }

    private static void axes(StringBuilder sb, ChartFrame f) {
        sb.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" stroke=\"#333\"/>%n",
                f.left(), f.top(), f.right() - f.left(), f.bottom() - f.top()));
        for (double t : f.x().ticks()) {
            double px = f.x().toPixel(t);
            sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#eee\"/>", px, f.top(), px, f.bottom()));
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>%n", px, f.bottom() + 15, AxisScale.format(t)));
        }
        for (double t : f.y().ticks()) {
            double py = f.y().toPixel(t);
            sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#eee\"/>", f.left(), py, f.right(), py));
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", f.left() - 5, py + 4, AxisScale.format(t)));
        }
        sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>%n",
                (f.left() + f.right()) / 2, f.bottom() + 36, Html.escape(f.chart().xLabel())));
        sb.append(String.format(Locale.ROOT, "<text transform=\"translate(16,%.1f) rotate(-90)\" text-anchor=\"middle\">%s</text>%n",
                (f.top() + f.bottom()) / 2, Html.escape(f.chart().yLabel())));
    }

    private static void band(StringBuilder sb, ChartFrame f, Band b) {
        StringBuilder pts = new StringBuilder();
        for (int i = 0; i < b.x().length; i++) {
            pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", f.x().toPixel(b.x()[i]), f.y().toPixel(b.low()[i])));
        }
        for (int i = b.x().length - 1; i >= 0; i--) {
            pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", f.x().toPixel(b.x()[i]), f.y().toPixel(b.high()[i])));
        }
        sb.append(String.format(Locale.ROOT, "<polygon class=\"band\" points=\"%s\" fill=\"%s\" fill-opacity=\"0.18\" stroke=\"none\"/>%n",
                pts.toString().trim(), Palette.hex(b.color())));
    }

    private static void series(StringBuilder sb, ChartFrame f, Series s) {
        String color = Palette.hex(s.color());
        if (s.line()) {
            StringBuilder pts = new StringBuilder();
            for (int i = 0; i < s.size(); i++) {
                if (drawable(f, s.x()[i], s.y()[i])) {
                    pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", f.x().toPixel(s.x()[i]), f.y().toPixel(s.y()[i])));
                }
            }
            sb.append(String.format(Locale.ROOT, "<polyline class=\"series\" points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.6\"%s/>%n",
                    pts.toString().trim(), color, s.dashed() ? " stroke-dasharray=\"6,4\"" : ""));
        }
        for (int i = 0; i < s.size(); i++) {
            if (!drawable(f, s.x()[i], s.y()[i])) {
                continue;
            }
            double px = f.x().toPixel(s.x()[i]);
            double py = f.y().toPixel(s.y()[i]);
            if (s.yLow() != null && drawable(f, s.x()[i], s.yLow()[i]) && drawable(f, s.x()[i], s.yHigh()[i])) {
                sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"1.4\"/>%n",
                        px, f.y().toPixel(s.yLow()[i]), px, f.y().toPixel(s.yHigh()[i]), color));
            }
            switch (s.mark()) {
                case DOT -> sb.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n", px, py, color));
                case CROSS -> sb.append(String.format(Locale.ROOT,
                        "<path class=\"stop\" d=\"M%.1f %.1fL%.1f %.1fM%.1f %.1fL%.1f %.1f\" stroke=\"%s\" stroke-width=\"1.8\"/>%n",
                        px - 4, py - 4, px + 4, py + 4, px - 4, py + 4, px + 4, py - 4, color));
                case DIAMOND -> sb.append(String.format(Locale.ROOT, "<path d=\"M%.1f %.1fL%.1f %.1fL%.1f %.1fL%.1f %.1fZ\" fill=\"%s\" stroke=\"black\"/>%n",
                        px, py - 6, px + 6, py, px, py + 6, px - 6, py, color));
                case NONE -> { }
            }
        }
    }

    private static boolean drawable(ChartFrame f, double x, double y) {
        return Double.isFinite(x) && Double.isFinite(y) && (!f.x().log() || x > 0) && (!f.y().log() || y > 0);
    }

    private static void legend(StringBuilder sb, Chart c) {
        double x = Chart.WIDTH - ChartFrame.MARGIN_RIGHT + 12;
        double y = ChartFrame.MARGIN_TOP + 8;
        for (Series s : c.series()) {
            if (s.name() == null || s.name().isEmpty()) {
                continue;
            }
            sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"3\"/>", x, y, x + 16, y, Palette.hex(s.color())));
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\">%s</text>%n", x + 21, y + 4, Html.escape(Legend.clip(s.name()))));
            y += 16;
            if (y > Chart.HEIGHT - 20) {
                break;
            }
        }
        for (Band b : c.bands()) {
            sb.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"16\" height=\"8\" fill=\"%s\" fill-opacity=\"0.25\"/>", x, y - 4, Palette.hex(b.color())));
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\">%s</text>%n", x + 21, y + 4, Html.escape(Legend.clip(b.name()))));
            y += 16;
        }
    }
}
