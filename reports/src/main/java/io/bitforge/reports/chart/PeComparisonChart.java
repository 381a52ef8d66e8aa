package io.bitforge.reports.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.Color;
import java.awt.Polygon;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * PE families compared at one node: energy per op (x, log) against throughput per mm² of PE-array area (y, log),
 * one series per family, each point labelled with its operand precisions (activations×weights). Up and to the left is better.
 */
public final class PeComparisonChart {
    /** SI prefixes pico and tera (BIPM SI Brochure, 9th edition, Table 7): the figures' units to base units. */
    private static final double PICO = 1e-12;
    private static final double TERA = 1e12;
    private static final Shape[] SHAPES = {new Ellipse2D.Double(-5, -5, 10, 10),
        new Rectangle2D.Double(-4.5, -4.5, 9, 9), new Polygon(new int[] {0, 6, 0, -6}, new int[] {-6, 0, 6, 0}, 4),
        new Polygon(new int[] {0, 6, -6}, new int[] {-6, 5, 5}, 3)};

    private static final TextAnchor[] LABEL_ANCHORS = {TextAnchor.BOTTOM_LEFT, TextAnchor.TOP_LEFT,
        TextAnchor.BOTTOM_RIGHT, TextAnchor.TOP_RIGHT};

    private final String title;
    private final String subtitle;
    private final List<PeFigure> figures;

    /** @param subtitle the conditions, e.g. "28nm, 1000 MHz, 32×32 cells, GEMM 512×512×512" */
    public PeComparisonChart(String title, String subtitle, List<PeFigure> figures) {
        this.title = Objects.requireNonNull(title, "title");
        this.subtitle = Objects.requireNonNull(subtitle, "subtitle");
        if (figures.isEmpty()) {
            throw new IllegalArgumentException("nothing to compare");
        }
        this.figures = List.copyOf(figures);
    }

    /** Figures by family, in the order given. */
    public Map<String, List<PeFigure>> byFamily() {
        Map<String, List<PeFigure>> out = new LinkedHashMap<>();
        figures.forEach(f -> out.computeIfAbsent(f.family(), x -> new java.util.ArrayList<>()).add(f));
        return out;
    }

    public JFreeChart chart() {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        XYPlot plot = new XYPlot();
        int series = 0;
        for (Map.Entry<String, List<PeFigure>> family : byFamily().entrySet()) {
            XYSeries s = new XYSeries(family.getKey(), false, true);
            Color colour = ChartStyle.colour(series);
            for (PeFigure f : family.getValue()) {
                // Plotted in base units (J, OP/s) so that the log axes label their ticks with SI prefixes.
                double x = Math.log10(f.picojoulesPerOp() * PICO);
                double y = Math.log10(f.teraOpsPerSecondPerSquareMillimetre() * TERA);
                s.add(x, y);
                XYTextAnnotation label = new XYTextAnnotation(f.activations() + "×" + f.weights(), x, y);
                // Families often coincide (an OVP int4 MAC is an int4 MAC plus a decoder): each family puts its
                // labels on its own side of the marker.
                label.setTextAnchor(LABEL_ANCHORS[series % LABEL_ANCHORS.length]);
                label.setFont(ChartStyle.ANNOTATION);
                label.setPaint(colour.darker());
                plot.addAnnotation(label);
            }
            data.addSeries(s);
            renderer.setSeriesPaint(series, colour);
            renderer.setSeriesShape(series, SHAPES[series % SHAPES.length]);
            series++;
        }
        plot.setDataset(data);
        plot.setRenderer(renderer);
        plot.setDomainAxis(LogTickAxis.around("energy per op (J, log scale; 1 MAC = 2 ops)", "J", true,
                figures.stream().mapToDouble(f -> f.picojoulesPerOp() * PICO).toArray()));
        plot.setRangeAxis(LogTickAxis.around("throughput per PE-array area (OP/s per mm², log scale)", "OP/s",
                true,
                figures.stream().mapToDouble(f -> f.teraOpsPerSecondPerSquareMillimetre() * TERA).toArray()));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(ChartStyle.GRID);
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        JFreeChart chart = ChartStyle.chart(title, plot, true);
        chart.addSubtitle(new TextTitle(subtitle + "; labels: activations×weights", ChartStyle.LEGEND));
        return chart;
    }
}
