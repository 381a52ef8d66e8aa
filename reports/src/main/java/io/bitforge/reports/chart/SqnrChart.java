package io.bitforge.reports.chart;

import org.jfree.chart.JFreeChart;
import io.bitforge.roofline.PlacedLabels;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Objects;

/**
 * Quantisation error against storage cost: SQNR in dB (y) over bits per value including scales and metadata (x),
 * one labelled marker per format for the values, and, where measured, a hollow marker for the product W·X.
 * Formats above 12 bits per value (fp16, bf16) are left out when lower-bit formats are present, so the 2–9-bit
 * region the comparison is about stays readable; they are still in the tables.
 */
public final class SqnrChart {
    static final String VALUES = "weights: SQNR of the values";
    static final String PRODUCT = "W·X: SQNR of the product";
    private static final double WIDE_BITS = 12;

    private final String title;
    private final List<SqnrPoint> points;

    public SqnrChart(String title, List<SqnrPoint> points) {
        this.title = Objects.requireNonNull(title, "title");
        List<SqnrPoint> finite = points.stream().filter(p -> p.sqnrDecibels() != null).toList();
        boolean narrow = finite.stream().anyMatch(p -> p.bitsPerValue() <= WIDE_BITS);
        this.points = narrow ? finite.stream().filter(p -> p.bitsPerValue() <= WIDE_BITS).toList() : finite;
        if (this.points.isEmpty()) {
            throw new IllegalArgumentException("no format with a finite SQNR to draw");
        }
    }

    /** The points drawn, in the order given. */
    public List<SqnrPoint> points() {
        return points;
    }

    public JFreeChart chart() {
        XYSeries values = new XYSeries(VALUES, false, true);
        XYSeries product = new XYSeries(PRODUCT, false, true);
        XYPlot plot = new XYPlot();
        Color valueColour = ChartStyle.colour(0);
        for (SqnrPoint p : points) {
            values.add(p.bitsPerValue(), p.sqnrDecibels());
            if (p.matmulSqnrDecibels() != null) {
                product.add(p.bitsPerValue(), p.matmulSqnrDecibels());
            }
        }
        // Labels placed when drawn, so formats with equal bits (int4, fp4, flint4 at 4.125) do not collide.
        List<double[]> markers = new java.util.ArrayList<>();
        List<PlacedLabels.Label> labels = new java.util.ArrayList<>();
        for (SqnrPoint p : points) {
            markers.add(new double[] {p.bitsPerValue(), p.sqnrDecibels()});
            if (p.matmulSqnrDecibels() != null) {
                markers.add(new double[] {p.bitsPerValue(), p.matmulSqnrDecibels()});
            }
            labels.add(new PlacedLabels.Label(p.format(), p.bitsPerValue(), p.sqnrDecibels(), valueColour.darker()));
        }
        plot.addAnnotation(new PlacedLabels(labels, markers, ChartStyle.ANNOTATION));
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(values);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        renderer.setSeriesPaint(0, valueColour);
        renderer.setSeriesShape(0, new Ellipse2D.Double(-4, -4, 8, 8));
        if (product.getItemCount() > 0) {
            data.addSeries(product);
            renderer.setSeriesPaint(1, ChartStyle.colour(3));
            renderer.setSeriesShape(1, new Rectangle2D.Double(-4, -4, 8, 8));
            renderer.setSeriesShapesFilled(1, false);
        }
        renderer.setUseOutlinePaint(false);
        NumberAxis bits = ChartStyle.fonts(new NumberAxis("storage (bits per value, scales and metadata included)"));
        bits.setAutoRangeIncludesZero(false);
        bits.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        double maxBits = points.stream().mapToDouble(SqnrPoint::bitsPerValue).max().orElseThrow();
        double minBits = points.stream().mapToDouble(SqnrPoint::bitsPerValue).min().orElseThrow();
        // Room on the right for the labels of the widest formats.
        bits.setRange(Math.floor(minBits) - 0.5, Math.ceil(maxBits) + 1.5);
        NumberAxis decibels = ChartStyle.fonts(new NumberAxis("SQNR (dB, higher is better)"));
        decibels.setAutoRangeIncludesZero(false);
        plot.setDataset(data);
        plot.setRenderer(renderer);
        plot.setDomainAxis(bits);
        plot.setRangeAxis(decibels);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(ChartStyle.GRID);
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        return ChartStyle.chart(title, plot, true);
    }
}
