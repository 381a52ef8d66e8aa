package io.bitforge.roofline;

import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Labels beside markers of an XY chart (plotted coordinates), placed when the chart is drawn so that no two labels
 * overlap each other, a marker, or the plot's edge: each label tries positions around its marker, nearest first,
 * then on wider rings joined to the marker by a leader line. The roofline numbers its costliest ops with it; the
 * reports' charts label their points with it.
 */
public final class PlacedLabels extends AbstractXYAnnotation {
    private static final long serialVersionUID = 1L;
    private static final double MARKER_RADIUS = 5;
    /** Directions tried around a marker: right first (labels read left to right), then up, down, left. */
    private static final double[] ANGLES = {0, -Math.PI / 4, Math.PI / 4, -Math.PI / 2, Math.PI / 2,
        -3 * Math.PI / 4, 3 * Math.PI / 4, Math.PI, -Math.PI / 8, Math.PI / 8, -3 * Math.PI / 8, 3 * Math.PI / 8};

    /** One label: its text, its marker at (x, y) in plotted coordinates, its colour. */
    public record Label(String text, double x, double y, Color colour) {
    }

    private final List<Label> labels;
    private final Font font;
    /** Every op marker (log10 coordinates), which labels must not cover. */
    private final List<double[]> markers;

    /** @param markers every marker (plotted coordinates) that labels must not cover */
    public PlacedLabels(List<Label> labels, List<double[]> markers, Font font) {
        this.labels = List.copyOf(labels);
        this.markers = List.copyOf(markers);
        this.font = font;
    }

    @Override
    public void draw(Graphics2D g2, XYPlot plot, Rectangle2D dataArea, ValueAxis domainAxis, ValueAxis rangeAxis,
                     int rendererIndex, PlotRenderingInfo info) {
        RectangleEdge xEdge = plot.getDomainAxisEdge();
        RectangleEdge yEdge = plot.getRangeAxisEdge();
        List<Rectangle2D> taken = new ArrayList<>();
        for (double[] m : markers) {
            double px = domainAxis.valueToJava2D(m[0], dataArea, xEdge);
            double py = rangeAxis.valueToJava2D(m[1], dataArea, yEdge);
            taken.add(new Rectangle2D.Double(px - MARKER_RADIUS, py - MARKER_RADIUS, 2 * MARKER_RADIUS,
                    2 * MARKER_RADIUS));
        }
        g2.setFont(font);
        FontMetrics metrics = g2.getFontMetrics();
        for (Label label : labels) {
            double px = domainAxis.valueToJava2D(label.x(), dataArea, xEdge);
            double py = rangeAxis.valueToJava2D(label.y(), dataArea, yEdge);
            String text = label.text();
            double w = metrics.stringWidth(text) + 2;
            double h = metrics.getAscent();
            Rectangle2D box = place(px, py, w, h, taken, dataArea);
            taken.add(box);
            // The leader line ends at the box's nearest point, so it never crosses the text.
            double cx = Math.max(box.getMinX(), Math.min(px, box.getMaxX()));
            double cy = Math.max(box.getMinY(), Math.min(py, box.getMaxY()));
            if (Math.hypot(cx - px, cy - py) > MARKER_RADIUS + 6) {
                g2.setPaint(new Color(0x80, 0x80, 0x80));
                g2.setStroke(new BasicStroke(0.8f));
                g2.draw(new Line2D.Double(px, py, cx, cy));
            }
            g2.setPaint(label.colour());
            g2.drawString(text, (float) (box.getX() + 1), (float) (box.getY() + h));
        }
    }

    /** The first free box on rings of growing radius around the marker, inside the plot; else the nearest one. */
    static Rectangle2D place(double px, double py, double w, double h, List<Rectangle2D> taken,
                             Rectangle2D dataArea) {
        Rectangle2D fallback = null;
        for (int ring = 1; ring <= 8; ring++) {
            double r = MARKER_RADIUS + 2 + (ring - 1) * 9;
            for (double angle : ANGLES) {
                double cx = px + (r + w / 2) * Math.cos(angle);
                double cy = py + (r + h / 2) * Math.sin(angle);
                Rectangle2D box = new Rectangle2D.Double(cx - w / 2, cy - h / 2, w, h);
                if (!dataArea.contains(box)) {
                    continue;
                }
                if (fallback == null) {
                    fallback = box;
                }
                if (taken.stream().noneMatch(t -> t.intersects(box))) {
                    return box;
                }
            }
        }
        return fallback != null ? fallback : new Rectangle2D.Double(px + MARKER_RADIUS, py - h / 2, w, h);
    }
}
