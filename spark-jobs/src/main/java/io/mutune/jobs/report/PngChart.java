package io.mutune.jobs.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Draws a {@link Chart} to a PNG: the {@link ChartCanvas} that paints on a java.awt image. */
public final class PngChart implements ChartCanvas {
    private static final Font PLAIN = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final Font BOLD = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    private final Graphics2D g;
    private final ChartFrame frame;

    private PngChart(Graphics2D g, ChartFrame frame) {
        this.g = g;
        this.frame = frame;
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
            g.setFont(PLAIN);
            ChartRenderer.draw(f, new PngChart(g, f));
        } finally {
            g.dispose();
        }
        return img;
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, ShapeStyle style) {
        paint(new Line2D.Double(x1, y1, x2, y2), style);
    }

    @Override
    public void polyline(double[] xs, double[] ys, ShapeStyle style) {
        paint(outline(xs, ys), style);
    }

    @Override
    public void polygon(double[] xs, double[] ys, ShapeStyle style) {
        Path2D.Double p = outline(xs, ys);
        p.closePath();
        paint(p, style);
    }

    @Override
    public void circle(double cx, double cy, int radius, ShapeStyle style) {
        paint(new Ellipse2D.Double(cx - radius, cy - radius, 2 * radius, 2 * radius), style);
    }

    @Override
    public void path(MarkPath path, ShapeStyle style) {
        Path2D.Double p = new Path2D.Double();
        for (MarkPath.Step s : path.steps()) {
            switch (s.kind()) {
                case MOVE -> p.moveTo(s.x(), s.y());
                case LINE -> p.lineTo(s.x(), s.y());
                case CLOSE -> p.closePath();
            }
        }
        paint(p, style);
    }

    @Override
    public void rect(double x, double y, double width, double height, ShapeStyle style) {
        paint(new Rectangle2D.Double(x, y, width, height), style);
    }

    @Override
    public void swatch(double x, double y, int width, int height, ShapeStyle style) {
        paint(new Rectangle2D.Double(x, y, width, height), style);
    }

    @Override
    public void text(double x, double y, String text, Anchor anchor) {
        g.setColor(Color.BLACK);
        int width = g.getFontMetrics().stringWidth(text);
        double left = switch (anchor) {
            case START -> x;
            case MIDDLE -> x - width / 2.0;
            case END -> x - width;
        };
        g.drawString(text, (float) left, (float) y);
    }

    @Override
    public void verticalText(int x, double y, String text) {
        AffineTransform saved = g.getTransform();
        g.translate(x, y);
        g.rotate(-Math.PI / 2);
        text(0, 0, text, Anchor.MIDDLE);
        g.setTransform(saved);
    }

    @Override
    public void title(double x, int baseline, String text) {
        g.setFont(BOLD);
        text(x, baseline, text, Anchor.START);
        g.setFont(PLAIN);
    }

    /** The clip is widened by a pixel so that the frame's own right and bottom edges are not cut. */
    @Override
    public void beginPlotArea() {
        g.setClip((int) frame.left(), (int) frame.top(), (int) (frame.right() - frame.left()) + 1, (int) (frame.bottom() - frame.top()) + 1);
    }

    @Override
    public void endPlotArea() {
        g.setClip(null);
    }

    private static Path2D.Double outline(double[] xs, double[] ys) {
        Path2D.Double p = new Path2D.Double();
        for (int i = 0; i < xs.length; i++) {
            if (i == 0) {
                p.moveTo(xs[i], ys[i]);
            } else {
                p.lineTo(xs[i], ys[i]);
            }
        }
        return p;
    }

    /** Fill first, then the outline over it, as SVG paints. */
    private void paint(Shape shape, ShapeStyle style) {
        if (style.fills()) {
            Color c = color(style.fill());
            g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(style.fillOpacity() * 255)));
            g.fill(shape);
        }
        if (style.strokes()) {
            g.setColor(color(style.stroke()));
            g.setStroke(new BasicStroke((float) style.strokeWidth(), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, style.dash(), 0f));
            g.draw(shape);
        }
    }

    /** The CSS colours the renderer uses: {@code #rgb}, {@code #rrggbb}, black and white. */
    private static Color color(String css) {
        return switch (css) {
            case "black" -> Color.BLACK;
            case "white" -> Color.WHITE;
            default -> {
                if (css.matches("#[0-9a-fA-F]{3}")) {
                    yield Color.decode("#" + css.charAt(1) + css.charAt(1) + css.charAt(2) + css.charAt(2) + css.charAt(3) + css.charAt(3));
                }
                if (css.matches("#[0-9a-fA-F]{6}")) {
                    yield Color.decode(css);
                }
                throw new IllegalArgumentException("the PNG canvas reads #rgb, #rrggbb, black or white, got '" + css + "'");
            }
        };
    }
}
