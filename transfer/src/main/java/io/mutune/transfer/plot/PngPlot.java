package io.mutune.transfer.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Writes panels side by side into a PNG with Java2D (headless; no plotting library needed).
 * Each panel gets its own axes, ticks at powers of two (log x) or five even steps, and a legend.
 */
public final class PngPlot {
    private static final int PANEL_W = 420;
    private static final int PANEL_H = 340;
    private static final Color[] PALETTE = {
        new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44), new Color(214, 39, 40),
        new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194), new Color(127, 127, 127),
        new Color(188, 189, 34), new Color(23, 190, 207)};

    private PngPlot() {
    }

    public static void write(List<Panel> panels, Path png) throws IOException {
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("nothing to plot into " + png);
        }
        System.setProperty("java.awt.headless", "true");
        BufferedImage img = new BufferedImage(PANEL_W * panels.size(), PANEL_H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        for (int i = 0; i < panels.size(); i++) {
            draw(g, panels.get(i), i * PANEL_W);
        }
        g.dispose();
        if (png.getParent() != null) {
            Files.createDirectories(png.getParent());
        }
        ImageIO.write(img, "png", png.toFile());
    }

    private static void draw(Graphics2D g, Panel p, int x0) {
        int left = x0 + 62;
        int right = x0 + PANEL_W - 12;
        int top = 30;
        int bottom = PANEL_H - 48;
        double[] xr = range(p, true);
        double[] yr = range(p, false);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        g.setColor(Color.BLACK);
        g.drawString(p.title(), left, 18);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        g.drawRect(left, top, right - left, bottom - top);
        g.drawString(p.xLabel(), (left + right) / 2 - 20, PANEL_H - 8);
        g.drawString(p.yLabel(), x0 + 4, top - 6);
        for (double t : ticks(xr, p.logX())) {
            int px = map(t, xr, p.logX(), left, right);
            g.drawLine(px, bottom, px, bottom + 4);
            g.drawString(label(t), px - 12, bottom + 16);
        }
        for (double t : ticks(yr, p.logY())) {
            int py = map(t, yr, p.logY(), bottom, top);
            g.drawLine(left - 4, py, left, py);
            g.drawString(label(t), x0 + 4, py + 4);
        }
        int legendY = top + 14;
        for (int s = 0; s < p.series().size(); s++) {
            Series ser = p.series().get(s);
            g.setColor(PALETTE[s % PALETTE.length]);
            g.setStroke(new BasicStroke(1.8f));
            int prevX = Integer.MIN_VALUE;
            int prevY = 0;
            for (int i = 0; i < ser.x().length; i++) {
                if (!plottable(ser.y()[i], p.logY()) || !plottable(ser.x()[i], p.logX())) {
                    prevX = Integer.MIN_VALUE;
                    continue;
                }
                int px = map(ser.x()[i], xr, p.logX(), left, right);
                int py = map(ser.y()[i], yr, p.logY(), bottom, top);
                g.fillOval(px - 2, py - 2, 5, 5);
                if (prevX != Integer.MIN_VALUE) {
                    g.drawLine(prevX, prevY, px, py);
                }
                prevX = px;
                prevY = py;
            }
            g.drawString(ser.name(), right - 90, legendY);
            legendY += 12;
        }
        g.setStroke(new BasicStroke(1f));
        g.setColor(Color.BLACK);
    }

    private static boolean plottable(double v, boolean log) {
        return Double.isFinite(v) && (!log || v > 0);
    }

    private static double[] range(Panel p, boolean xAxis) {
        boolean log = xAxis ? p.logX() : p.logY();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Series s : p.series()) {
            double[] v = xAxis ? s.x() : s.y();
            for (double d : v) {
                if (plottable(d, log)) {
                    lo = Math.min(lo, d);
                    hi = Math.max(hi, d);
                }
            }
        }
        if (lo == Double.POSITIVE_INFINITY) {
            return new double[] {1, 2};
        }
        if (lo == hi) {
            return log ? new double[] {lo / 2, hi * 2} : new double[] {lo - 1, hi + 1};
        }
        if (log) {
            double pad = Math.pow(hi / lo, 0.05);
            return new double[] {lo / pad, hi * pad};
        }
        double pad = (hi - lo) * 0.05;
        return new double[] {lo - pad, hi + pad};
    }

    private static int map(double v, double[] r, boolean log, int from, int to) {
        double f = log ? Math.log(v / r[0]) / Math.log(r[1] / r[0]) : (v - r[0]) / (r[1] - r[0]);
        return (int) Math.round(from + f * (to - from));
    }

    private static double[] ticks(double[] r, boolean log) {
        if (log) {
            int a = (int) Math.ceil(Math.log(r[0]) / Math.log(2));
            int b = (int) Math.floor(Math.log(r[1]) / Math.log(2));
            int step = Math.max(1, (b - a + 1) / 7 + 1);
            double[] t = new double[(b - a) / step + 1];
            for (int i = 0; i < t.length; i++) {
                t[i] = Math.pow(2, a + i * step);
            }
            return t;
        }
        double[] t = new double[5];
        for (int i = 0; i < 5; i++) {
            t[i] = r[0] + (r[1] - r[0]) * (i + 0.5) / 5;
        }
        return t;
    }

    private static String label(double v) {
        double a = Math.abs(v);
        if (a != 0 && (a < 0.01 || a >= 10000)) {
            return String.format(Locale.ROOT, "%.0e", v);
        }
        return String.format(Locale.ROOT, a < 1 ? "%.3g" : "%.0f", v);
    }
}
