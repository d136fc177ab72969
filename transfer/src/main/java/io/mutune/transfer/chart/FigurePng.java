package io.mutune.transfer.chart;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/** Writes figures as one PNG, side by side (headless Java2D, drawn by JFreeChart). */
public final class FigurePng {
    /** One panel's size in pixels. */
    public static final int WIDTH = 640;
    public static final int HEIGHT = 400;

    private FigurePng() { }

    public static void write(Figure figure, Path png) throws IOException {
        write(List.of(figure), png);
    }

    /** The panels left to right in one image of {@code WIDTH * panels} by {@code HEIGHT} pixels. */
    public static void write(List<Figure> panels, Path png) throws IOException {
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("nothing to plot into " + png);
        }
        System.setProperty("java.awt.headless", "true");
        BufferedImage img = new BufferedImage(WIDTH * panels.size(), HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        for (int i = 0; i < panels.size(); i++) {
            JFreeFigure.chart(panels.get(i)).draw(g, new Rectangle2D.Double(i * WIDTH, 0, WIDTH, HEIGHT));
        }
        g.dispose();
        if (png.toAbsolutePath().getParent() != null) {
            Files.createDirectories(png.toAbsolutePath().getParent());
        }
        ImageIO.write(img, "png", png.toFile());
    }
}
