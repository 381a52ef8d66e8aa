package io.bitforge.roofline;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Polygon;
import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A log-log roofline chart: one memory roof (slope = bandwidth), one flat compute roof per precision from its
 * ridge point (peak / bandwidth) rightwards, a marker at each ridge, and one marker per op at (arithmetic
 * intensity, attained ops/s), coloured by group (phase). Axes have one tick per decade labelled 10^k. Renders
 * headless to PNG (JFreeChart) and to SVG (JFreeSVG with a fixed defs prefix, so the same chart gives the
 * same bytes).
 */
public final class RooflineChart {
    /** One op on the chart; {@code seconds} (its time, all repeats) ranks it for a numbered label. */
    public record Point(String group, String label, double arithmeticIntensity, double opsPerSecond,
                        double seconds) {
        public Point {
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(label, "label");
        }

        /** A point without a time: drawn, never numbered. */
        public Point(String group, String label, double arithmeticIntensity, double opsPerSecond) {
            this(group, label, arithmeticIntensity, opsPerSecond, 0);
        }
    }

    private static final Color[] ROOF_COLOURS = {new Color(0xC0392B), new Color(0xD35400), new Color(0x8E44AD),
        new Color(0x2471A3), new Color(0x117A65), new Color(0x7D6608)};
    private static final Color[] POINT_COLOURS = {new Color(0x1E8449), new Color(0x2E86C1), new Color(0xB03A2E),
        new Color(0x6C3483)};
    private static final Shape[] POINT_SHAPES = {new Ellipse2D.Double(-4, -4, 8, 8),
        new Polygon(new int[] {0, 5, 0, -5}, new int[] {-5, 0, 5, 0}, 4),
        new Polygon(new int[] {0, 5, -5}, new int[] {-5, 4, 4}, 3)};
    private static final Color MEMORY_COLOUR = new Color(0x1B2631);
    /** The costliest ops by time get a number beside their marker and a line in the numbered legend. */
    static final int NUMBERED_OPS = 10;

    private final String title;
    private final double memoryBytesPerSecond;
    private final List<Peak> roofs;
    private final List<Point> points;

    public RooflineChart(String title, double memoryBytesPerSecond, List<Peak> roofs, List<Point> points) {
        this.title = Objects.requireNonNull(title, "title");
        if (!(memoryBytesPerSecond > 0)) {
            throw new IllegalArgumentException("bandwidth must be > 0, got " + memoryBytesPerSecond);
        }
        if (roofs.isEmpty()) {
            throw new IllegalArgumentException("a roofline needs at least one compute roof");
        }
        this.memoryBytesPerSecond = memoryBytesPerSecond;
        this.roofs = mergeEqual(roofs);
        this.points = points.stream().filter(p -> p.arithmeticIntensity() > 0 && p.opsPerSecond() > 0
                && Double.isFinite(p.arithmeticIntensity()) && Double.isFinite(p.opsPerSecond())).toList();
    }

    /**
     * The chart of analysed phases on a machine: every op of every phase, grouped by phase; the roofs are the
     * machine's plus any other roof an op computed under (a simulated design's roof depends on the precisions).
     */
    public static RooflineChart of(String title, RooflineMachine machine, List<PhaseRoofline> phases) {
        List<Point> points = new ArrayList<>();
        java.util.Set<Peak> roofs = new java.util.LinkedHashSet<>(machine.roofs());
        for (PhaseRoofline phase : phases) {
            for (OpRoofline row : phase.rows()) {
                if (row.peak() != null && row.seconds() > 0) {
                    roofs.add(row.peak());
                    points.add(new Point(phase.name(), row.name(), row.arithmeticIntensity(), row.ops() / row.seconds(),
                            row.seconds()));
                }
            }
        }
        return new RooflineChart(title, machine.memoryBytesPerSecond(), List.copyOf(roofs), points);
    }

    /** Highest first; roofs at the same rate (H100's fp8 and int8) become one, labelled "fp8/int8". */
    private static List<Peak> mergeEqual(List<Peak> roofs) {
        Map<Double, String> labels = new java.util.TreeMap<>(Comparator.reverseOrder());
        for (Peak roof : roofs) {
            labels.merge(roof.opsPerSecond(), roof.label(), (a, b) -> a.equals(b) ? a : a + "/" + b);
        }
        List<Peak> merged = new ArrayList<>();
        labels.forEach((ops, label) -> merged.add(new Peak(label, ops)));
        return List.copyOf(merged);
    }

    public JFreeChart chart() {
        double[] x = xRange();
        double[] y = yRange(x);
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        int series = 0;
        double topRidge = roofs.get(0).opsPerSecond() / memoryBytesPerSecond;
        XYSeries memory = new XYSeries("memory " + format(memoryBytesPerSecond / 1e9) + " GB/s", false);
        memory.add(log(x[0]), log(memoryBytesPerSecond * x[0]));
        memory.add(log(topRidge), log(roofs.get(0).opsPerSecond()));
        data.addSeries(memory);
        styleLine(renderer, series++, MEMORY_COLOUR);
        XYPlot plot = new XYPlot();
        for (int i = 0; i < roofs.size(); i++) {
            Peak roof = roofs.get(i);
            double ridge = roof.opsPerSecond() / memoryBytesPerSecond;
            XYSeries line = new XYSeries(roof.label() + " " + rate(roof.opsPerSecond()) + ", ridge "
                    + format(ridge) + " op/B", false);
            line.add(log(ridge), log(roof.opsPerSecond()));
            line.add(log(x[1]), log(roof.opsPerSecond()));
            data.addSeries(line);
            Color colour = ROOF_COLOURS[i % ROOF_COLOURS.length];
            styleLine(renderer, series, colour);
            renderer.setSeriesShapesVisible(series, false);
            series++;
            XYTextAnnotation label = new XYTextAnnotation(roof.label(), log(x[1]) - 0.06,
                    log(roof.opsPerSecond()) + 0.05);
            label.setTextAnchor(TextAnchor.BOTTOM_RIGHT);
            label.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            label.setPaint(colour);
            plot.addAnnotation(label);
        }
        XYSeries ridges = new XYSeries("ridge points", false);
        for (Peak roof : roofs) {
            ridges.add(log(roof.opsPerSecond() / memoryBytesPerSecond), log(roof.opsPerSecond()));
        }
        data.addSeries(ridges);
        renderer.setSeriesLinesVisible(series, false);
        renderer.setSeriesShapesVisible(series, true);
        renderer.setSeriesShape(series, new Rectangle2D.Double(-4.5, -4.5, 9, 9));
        renderer.setSeriesShapesFilled(series, false);
        renderer.setSeriesPaint(series, MEMORY_COLOUR);
        series++;
        Map<String, List<Point>> groups = new LinkedHashMap<>();
        points.forEach(p -> groups.computeIfAbsent(p.group(), g -> new ArrayList<>()).add(p));
        int groupIndex = 0;
        for (Map.Entry<String, List<Point>> group : groups.entrySet()) {
            XYSeries dots = new XYSeries(group.getKey() + " ops", false);
            for (Point p : group.getValue()) {
                dots.add(log(p.arithmeticIntensity()), log(p.opsPerSecond()));
            }
            data.addSeries(dots);
            Color colour = POINT_COLOURS[groupIndex++ % POINT_COLOURS.length];
            renderer.setSeriesLinesVisible(series, false);
            renderer.setSeriesShapesVisible(series, true);
            renderer.setSeriesShape(series, POINT_SHAPES[(groupIndex - 1) % POINT_SHAPES.length]);
            // Later groups hollow, so an op of one phase does not hide the other's at the same spot.
            renderer.setSeriesShapesFilled(series, groupIndex == 1);
            renderer.setUseOutlinePaint(false);
            renderer.setSeriesPaint(series, colour);
            series++;
        }
        List<Point> numbered = numbered();
        if (!numbered.isEmpty()) {
            List<PlacedLabels.Label> labels = new ArrayList<>();
            List<String> groupNames = new ArrayList<>(groups.keySet());
            for (int i = 0; i < numbered.size(); i++) {
                Point p = numbered.get(i);
                labels.add(new PlacedLabels.Label(String.valueOf(i + 1), log(p.arithmeticIntensity()),
                        log(p.opsPerSecond()), POINT_COLOURS[groupNames.indexOf(p.group()) % POINT_COLOURS.length]
                        .darker()));
            }
            plot.addAnnotation(new PlacedLabels(labels, points.stream()
                    .map(p -> new double[] {log(p.arithmeticIntensity()), log(p.opsPerSecond())}).toList(),
                    new Font(Font.SANS_SERIF, Font.BOLD, 11)));
        }
        renderer.setSeriesShapesVisible(0, false);
        plot.setDataset(data);
        // Roofs first, ops on top (JFreeChart draws the last series first by default).
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
        plot.setRenderer(renderer);
        plot.setDomainAxis(decadeAxis("arithmetic intensity (ops / DRAM byte)", x));
        plot.setRangeAxis(decadeAxis("attainable performance (ops / s)", y));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xD5D8DC));
        plot.setRangeGridlinePaint(new Color(0xD5D8DC));
        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 15), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(6, 6, 6, 18));
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        if (!numbered.isEmpty()) {
            TextTitle key = new TextTitle(numberedLegend(numbered), new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            key.setPosition(RectangleEdge.BOTTOM);
            key.setMaximumLinesToDisplay(4);
            chart.addSubtitle(key);
        }
        return chart;
    }

    /** The ops that get numbers: the {@value #NUMBERED_OPS} with the longest time, longest first. */
    public List<Point> numbered() {
        return points.stream().filter(p -> p.seconds() > 0)
                .sorted(Comparator.comparingDouble(Point::seconds).reversed().thenComparing(Point::group)
                        .thenComparing(Point::label))
                .limit(NUMBERED_OPS).toList();
    }

    /** "1 prefill mlp.down 12.3 ms (41%)  ·  2 ...": what each number stands for, with its share of the time. */
    String numberedLegend(List<Point> numbered) {
        double total = points.stream().mapToDouble(Point::seconds).sum();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < numbered.size(); i++) {
            Point p = numbered.get(i);
            text.append(i == 0 ? "" : "  ·  ").append(i + 1).append(' ').append(p.group()).append(' ').append(p.label())
                    .append(' ').append(seconds(p.seconds()));
            if (total > 0) {
                text.append(" (").append(Math.round(100 * p.seconds() / total)).append("%)");
            }
        }
        return text.toString();
    }

    /** A time at three significant digits in s, ms, µs or ns. */
    static String seconds(double s) {
        String[] units = {"s", "ms", "µs", "ns"};
        double v = s;
        int u = 0;
        while (Math.abs(v) < 1 && u < units.length - 1 && v != 0) {
            v *= 1000;
            u++;
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString()
                + " " + units[u];
    }

    /** PNG bytes at the given size in pixels. */
    public byte[] png(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, chart(), width, height);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** An SVG document with a viewBox (so it scales in a page); the same chart always gives the same text. */
    public String svg(int width, int height) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        g.setDefsKeyPrefix("bitforge-roofline-");
        chart().draw(g, new Rectangle(0, 0, width, height));
        return "<?xml version=\"1.0\"?>\n"
                + g.getSVGElement(null, true, new org.jfree.svg.ViewBox(0, 0, width, height), null, null) + "\n";
    }

    /** Whole decades around the ops and ridge points, with a decade of margin. */
    double[] xRange() {
        double lo = roofs.get(roofs.size() - 1).opsPerSecond() / memoryBytesPerSecond / 10;
        double hi = roofs.get(0).opsPerSecond() / memoryBytesPerSecond * 10;
        for (Point p : points) {
            lo = Math.min(lo, p.arithmeticIntensity());
            hi = Math.max(hi, p.arithmeticIntensity());
        }
        return new double[] {floorDecade(lo), ceilDecade(hi * 1.01)};
    }

    private double[] yRange(double[] x) {
        double lo = memoryBytesPerSecond * x[0];
        double hi = roofs.get(0).opsPerSecond();
        for (Point p : points) {
            lo = Math.min(lo, p.opsPerSecond());
        }
        return new double[] {floorDecade(lo), hi * 4};
    }

    /**
     * A number axis over log10 of the value with one tick per decade labelled 10ⁿ. Plotting log10 values on a
     * linear axis keeps tick labels as text in SVG (JFreeChart's LogAxis draws its labels as glyph outlines)
     * and never yields fractional powers.
     */
    private static NumberAxis decadeAxis(String label, double[] range) {
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(false);
        axis.setRange(log(range[0]), log(range[1]));
        axis.setTickUnit(new NumberTickUnit(1.0, new DecadeFormat()));
        axis.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        axis.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        return axis;
    }

    private static double log(double value) {
        return Math.log10(value);
    }

    private static void styleLine(XYLineAndShapeRenderer renderer, int series, Color colour) {
        renderer.setSeriesPaint(series, colour);
        renderer.setSeriesStroke(series, new BasicStroke(2f));
        renderer.setSeriesLinesVisible(series, true);
    }

    private static double floorDecade(double v) {
        return Math.pow(10, Math.floor(Math.log10(v)));
    }

    private static double ceilDecade(double v) {
        return Math.pow(10, Math.ceil(Math.log10(v)));
    }

    /** Four significant digits, no exponent: 1979, 989.4, 2.048, 0.5. */
    static String format(double value) {
        return new java.math.BigDecimal(value).round(new java.math.MathContext(4)).stripTrailingZeros()
                .toPlainString();
    }

    /** Ops per second in TOP/s, or GOP/s below one tera-op. */
    static String rate(double opsPerSecond) {
        return opsPerSecond >= 1e12 ? format(opsPerSecond / 1e12) + " TOP/s" : format(opsPerSecond / 1e9) + " GOP/s";
    }
}
