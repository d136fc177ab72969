package io.mutune.jobs.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Draws a {@link Chart} to a PNG with java.awt, from the same {@link ChartFrame} layout as {@link SvgChart}. */
public final class PngChart {
    private static final Stroke2 THIN = new Stroke2(1f, null);

    private PngChart() { }

    private record Stroke2(float width, float[] dash) {
        BasicStroke awt() {
            return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
        }
    }

    public static void write(Chart c, Path file) {
        try {
            if (!ImageIO.write(render(c), "png", file.toFile())) {
                throw new IllegalStateException("no PNG writer in this JVM for " + file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write chart " + c.id() + " to " + file, e);
        }
    }

    public static BufferedImage render(Chart c) {
        ChartFrame f = ChartFrame.of(c);
        BufferedImage img = new BufferedImage(Chart.WIDTH, Chart.HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, Chart.WIDTH, Chart.HEIGHT);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            axes(g, f);
            g.setClip((int) f.left(), (int) f.top(), (int) (f.right() - f.left()) + 1, (int) (f.bottom() - f.top()) + 1);
            for (Band b : c.bands()) {
                band(g, f, b);
            }
            g.setColor(new Color(0x99, 0x99, 0x99));
            g.setStroke(new Stroke2(1f, new float[] {2, 3}).awt());
            for (double v : c.vLines()) {
                if (f.x().contains(v)) {
                    double px = f.x().toPixel(v);
                    g.draw(new Line2D.Double(px, f.top(), px, f.bottom()));
                }
            }
            for (Series s : c.series()) {
                series(g, f, s);
            }
            g.setClip(null);
            legend(g, c);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
            g.drawString(c.title(), (float) f.left(), 20f);
        } finally {
            g.dispose();
        }
        return img;
    }

    private static void axes(Graphics2D g, ChartFrame f) {
        g.setStroke(THIN.awt());
        for (double t : f.x().ticks()) {
            double px = f.x().toPixel(t);
            g.setColor(new Color(0xEE, 0xEE, 0xEE));
            g.draw(new Line2D.Double(px, f.top(), px, f.bottom()));
            g.setColor(Color.BLACK);
            centered(g, AxisScale.format(t), px, f.bottom() + 15);
        }
        for (double t : f.y().ticks()) {
            double py = f.y().toPixel(t);
            g.setColor(new Color(0xEE, 0xEE, 0xEE));
            g.draw(new Line2D.Double(f.left(), py, f.right(), py));
            g.setColor(Color.BLACK);
            String label = AxisScale.format(t);
            g.drawString(label, (float) (f.left() - 5 - g.getFontMetrics().stringWidth(label)), (float) (py + 4));
        }
        g.setColor(new Color(0x33, 0x33, 0x33));
        g.draw(new java.awt.geom.Rectangle2D.Double(f.left(), f.top(), f.right() - f.left(), f.bottom() - f.top()));
        g.setColor(Color.BLACK);
        centered(g, f.chart().xLabel(), (f.left() + f.right()) / 2, f.bottom() + 36);
        AffineTransform saved = g.getTransform();
        g.translate(16, (f.top() + f.bottom()) / 2);
        g.rotate(-Math.PI / 2);
        centered(g, f.chart().yLabel(), 0, 0);
        g.setTransform(saved);
    }

    private static void centered(Graphics2D g, String s, double x, double y) {
        g.drawString(s, (float) (x - g.getFontMetrics().stringWidth(s) / 2.0), (float) y);
    }

    private static void band(Graphics2D g, ChartFrame f, Band b) {
        Path2D.Double p = new Path2D.Double();
        for (int i = 0; i < b.x().length; i++) {
            double px = f.x().toPixel(b.x()[i]);
            double py = f.y().toPixel(b.low()[i]);
            if (i == 0) {
                p.moveTo(px, py);
            } else {
                p.lineTo(px, py);
            }
        }
        for (int i = b.x().length - 1; i >= 0; i--) {
            p.lineTo(f.x().toPixel(b.x()[i]), f.y().toPixel(b.high()[i]));
        }
        p.closePath();
        Color c = Palette.awt(b.color());
        g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 46));
        g.fill(p);
    }

    private static void series(Graphics2D g, ChartFrame f, Series s) {
        Color color = Palette.awt(s.color());
        g.setColor(color);
        if (s.line()) {
            g.setStroke(new Stroke2(1.6f, s.dashed() ? new float[] {6, 4} : null).awt());
            Path2D.Double p = new Path2D.Double();
            boolean first = true;
            for (int i = 0; i < s.size(); i++) {
                if (drawable(f, s.x()[i], s.y()[i])) {
                    double px = f.x().toPixel(s.x()[i]);
                    double py = f.y().toPixel(s.y()[i]);
                    if (first) {
                        p.moveTo(px, py);
                        first = false;
                    } else {
                        p.lineTo(px, py);
                    }
                }
            }
            g.draw(p);
        }
        g.setStroke(new Stroke2(1.6f, null).awt());
        for (int i = 0; i < s.size(); i++) {
            if (!drawable(f, s.x()[i], s.y()[i])) {
                continue;
            }
            double px = f.x().toPixel(s.x()[i]);
            double py = f.y().toPixel(s.y()[i]);
            if (s.yLow() != null && drawable(f, s.x()[i], s.yLow()[i]) && drawable(f, s.x()[i], s.yHigh()[i])) {
                g.draw(new Line2D.Double(px, f.y().toPixel(s.yLow()[i]), px, f.y().toPixel(s.yHigh()[i])));
            }
            switch (s.mark()) {
                case DOT -> g.fill(new java.awt.geom.Ellipse2D.Double(px - 3, py - 3, 6, 6));
                case CROSS -> {
                    g.draw(new Line2D.Double(px - 4, py - 4, px + 4, py + 4));
                    g.draw(new Line2D.Double(px - 4, py + 4, px + 4, py - 4));
                }
                case DIAMOND -> {
                    Path2D.Double d = new Path2D.Double();
                    d.moveTo(px, py - 6);
                    d.lineTo(px + 6, py);
                    d.lineTo(px, py + 6);
                    d.lineTo(px - 6, py);
                    d.closePath();
                    g.fill(d);
                    g.setColor(Color.BLACK);
                    g.draw(d);
                    g.setColor(color);
                }
                case NONE -> { }
            }
        }
    }

    private static boolean drawable(ChartFrame f, double x, double y) {
        return Double.isFinite(x) && Double.isFinite(y) && (!f.x().log() || x > 0) && (!f.y().log() || y > 0);
    }

    private static void legend(Graphics2D g, Chart c) {
        double x = Chart.WIDTH - ChartFrame.MARGIN_RIGHT + 12;
        double y = ChartFrame.MARGIN_TOP + 8;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (Series s : c.series()) {
            if (s.name() == null || s.name().isEmpty()) {
                continue;
            }
            g.setColor(Palette.awt(s.color()));
            g.setStroke(new Stroke2(3f, null).awt());
            g.draw(new Line2D.Double(x, y, x + 16, y));
            g.setColor(Color.BLACK);
            g.drawString(Legend.clip(s.name()), (float) (x + 21), (float) (y + 4));
            y += 16;
            if (y > Chart.HEIGHT - 20) {
                break;
            }
        }
        for (Band b : c.bands()) {
            Color col = Palette.awt(b.color());
            g.setColor(new Color(col.getRed(), col.getGreen(), col.getBlue(), 64));
            g.fill(new java.awt.geom.Rectangle2D.Double(x, y - 4, 16, 8));
            g.setColor(Color.BLACK);
            g.drawString(Legend.clip(b.name()), (float) (x + 21), (float) (y + 4));
            y += 16;
        }
    }
}
