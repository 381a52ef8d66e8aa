package io.bitforge.reports.chart;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.ui.Drawable;
import org.jfree.chart.text.TextUtils;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import javax.imageio.ImageIO;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * Draws a JFreeChart headless to PNG bytes or to an SVG document. JFreeSVG's default defs prefix contains
 * {@code System.nanoTime()}; every SVG here gets a fixed prefix instead, so the same chart gives the same bytes,
 * and the caller picks one unique within an HTML page (clip paths and gradients are looked up by id).
 */
public final class ChartRender {
    private ChartRender() {
    }

    /** PNG bytes at the given size in pixels. */
    public static byte[] png(JFreeChart chart, int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, chart, width, height);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** PNG bytes of any drawing (e.g. a grid of charts) at the given size in pixels. */
    public static byte[] png(Drawable drawing, int width, int height) {
        if (drawing instanceof JFreeChart chart) {
            return png(chart, width, height);
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        drawing.draw(g, new Rectangle(0, 0, width, height));
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * An SVG document whose ids all start with {@code defsPrefix} (letters, digits and '-' only, so it can be
     * renamed safely when inlined).
     */
    public static String svg(Drawable chart, int width, int height, String defsPrefix) {
        Objects.requireNonNull(defsPrefix, "defsPrefix");
        if (!defsPrefix.matches("[A-Za-z][A-Za-z0-9-]*")) {
            throw new IllegalArgumentException("defs prefix must be letters, digits and '-', got " + defsPrefix);
        }
        // JFreeChart draws rotated text (the vertical axis label) as glyph outlines unless this workaround for an
        // old JDK bug is off; off, the label is a <text> element (searchable, selectable). Java 17 draws rotated
        // strings correctly, so PNG output is unaffected. Every call sets the same value.
        TextUtils.setUseDrawRotatedStringWorkaround(false);
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        g.setDefsKeyPrefix(defsPrefix);
        chart.draw(g, new Rectangle(0, 0, width, height));
        return document(g, width, height);
    }

    /**
     * The SVG document with a {@code viewBox} beside its width and height, so a page can scale it to its box
     * (JFreeSVG's {@code getSVGDocument} writes no viewBox).
     */
    public static String document(SVGGraphics2D g, int width, int height) {
        return "<?xml version=\"1.0\"?>\n"
                + g.getSVGElement(null, true, new ViewBox(0, 0, width, height), null, null) + "\n";
    }
}
