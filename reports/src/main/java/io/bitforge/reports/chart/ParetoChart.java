package io.bitforge.reports.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGHints;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Latency against energy on log-log axes, one marker per design: marker area proportional to the design's area,
 * designs flagged dominated drawn faded and hollow, the latency-energy Pareto front joined by a line in latency
 * order. In SVG each marker carries a {@code <title>} with the design's label, id and figures (hover text when the
 * SVG is inlined in the HTML report).
 */
public final class ParetoChart {
    static final String FRONT = "Pareto front (latency, energy)";
    static final String NON_DOMINATED = "non-dominated designs";
    static final String DOMINATED = "dominated designs";
    private static final double MIN_MARKER_PIXELS = 7;
    private static final double MAX_MARKER_PIXELS = 22;
    private static final Color FRONT_COLOUR = ChartStyle.colour(3);
    private static final Color POINT_COLOUR = ChartStyle.colour(0);
    private static final Color FADED = new Color(0x90, 0x90, 0x90, 0x80);

    private final String title;
    private final List<ParetoPoint> points;

    public ParetoChart(String title, List<ParetoPoint> points) {
        this.title = Objects.requireNonNull(title, "title");
        if (points.isEmpty()) {
            throw new IllegalArgumentException("a Pareto chart needs at least one design");
        }
        this.points = List.copyOf(points);
    }

    /** The designs no other design beats in both latency and energy, by increasing latency (ties by id). */
    public List<ParetoPoint> front() {
        List<ParetoPoint> front = new ArrayList<>();
        for (ParetoPoint p : points) {
            if (points.stream().noneMatch(q -> q.dominatesInLatencyEnergy(p))) {
                front.add(p);
            }
        }
        front.sort(Comparator.comparingDouble(ParetoPoint::latencySeconds)
                .thenComparingDouble(ParetoPoint::energyJoules).thenComparing(ParetoPoint::designId));
        return front;
    }

    public JFreeChart chart() {
        XYSeriesCollection data = new XYSeriesCollection();
        XYSeries line = new XYSeries(FRONT, false, true);
        for (ParetoPoint p : front()) {
            line.add(Math.log10(p.latencySeconds()), Math.log10(p.energyJoules()));
        }
        List<ParetoPoint> kept = points.stream().filter(p -> !p.dominated()).toList();
        List<ParetoPoint> faded = points.stream().filter(ParetoPoint::dominated).toList();
        data.addSeries(line);
        data.addSeries(markers(NON_DOMINATED, kept));
        data.addSeries(markers(DOMINATED, faded));
        double minArea = points.stream().mapToDouble(ParetoPoint::areaSquareMillimetres).min().orElseThrow();
        double maxArea = points.stream().mapToDouble(ParetoPoint::areaSquareMillimetres).max().orElseThrow();

        Renderer renderer = new Renderer(List.of(List.of(), kept, faded), minArea, maxArea);
        renderer.setSeriesPaint(0, FRONT_COLOUR);
        renderer.setSeriesStroke(0, new BasicStroke(1.6f));
        renderer.setSeriesLinesVisible(0, true);
        renderer.setSeriesShapesVisible(0, false);
        renderer.setSeriesPaint(1, POINT_COLOUR);
        renderer.setSeriesLinesVisible(1, false);
        renderer.setSeriesShapesVisible(1, true);
        renderer.setSeriesShapesFilled(1, true);
        renderer.setSeriesPaint(2, FADED);
        renderer.setSeriesLinesVisible(2, false);
        renderer.setSeriesShapesVisible(2, true);
        renderer.setSeriesShapesFilled(2, false);
        renderer.setUseOutlinePaint(false);
        renderer.setLegendShape(1, new Ellipse2D.Double(-5, -5, 10, 10));
        renderer.setLegendShape(2, new Ellipse2D.Double(-5, -5, 10, 10));

        // Log axes with human-unit ticks (1-2-5 per decade over short spans), as the objectives' charts have.
        XYPlot plot = new XYPlot(data, LogTickAxis.around("latency (s, log scale)", "s", true,
                points.stream().mapToDouble(ParetoPoint::latencySeconds).toArray()),
                LogTickAxis.around("energy (J, log scale)", "J", true,
                        points.stream().mapToDouble(ParetoPoint::energyJoules).toArray()), renderer);
        // The front under the markers, the dominated designs under the rest.
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.REVERSE);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(ChartStyle.GRID);
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        JFreeChart chart = ChartStyle.chart(title, plot, true);
        TextTitle note = new TextTitle(String.format(java.util.Locale.ROOT,
                "%d designs, %d on the front; marker area ∝ design area (%s to %s mm²)", points.size(),
                front().size(), ChartStyle.format(minArea), ChartStyle.format(maxArea)), ChartStyle.LEGEND);
        chart.addSubtitle(note);
        return chart;
    }

    private static XYSeries markers(String name, List<ParetoPoint> points) {
        XYSeries series = new XYSeries(name, false, true);
        for (ParetoPoint p : points) {
            series.add(Math.log10(p.latencySeconds()), Math.log10(p.energyJoules()));
        }
        return series;
    }

    /** Hover text of one design. */
    static String hoverText(ParetoPoint p) {
        return p.label() + " (" + p.designId() + "): latency " + ChartStyle.format(p.latencySeconds()) + " s, energy "
                + ChartStyle.format(p.energyJoules()) + " J, area " + ChartStyle.format(p.areaSquareMillimetres())
                + " mm²" + (p.dominated() ? ", dominated" : "");
    }

    /** Sizes each marker by its design's area and gives it an SVG title. */
    private static final class Renderer extends XYLineAndShapeRenderer {
        private static final long serialVersionUID = 1L;
        private final List<List<ParetoPoint>> bySeries;
        private final double minArea;
        private final double maxArea;

        Renderer(List<List<ParetoPoint>> bySeries, double minArea, double maxArea) {
            this.bySeries = bySeries;
            this.minArea = minArea;
            this.maxArea = maxArea;
        }

        @Override
        public Shape getItemShape(int series, int item) {
            if (series == 0 || item >= bySeries.get(series).size()) {
                return super.getItemShape(series, item);
            }
            double area = bySeries.get(series).get(item).areaSquareMillimetres();
            // Marker area (not diameter) proportional to design area between the smallest and largest marker.
            double minPixelArea = MIN_MARKER_PIXELS * MIN_MARKER_PIXELS;
            double maxPixelArea = MAX_MARKER_PIXELS * MAX_MARKER_PIXELS;
            double fraction = maxArea > minArea ? (area - minArea) / (maxArea - minArea) : 0.5;
            double d = Math.sqrt(minPixelArea + fraction * (maxPixelArea - minPixelArea));
            return new Ellipse2D.Double(-d / 2, -d / 2, d, d);
        }

        @Override
        protected void drawSecondaryPass(Graphics2D g2, XYPlot plot, org.jfree.data.xy.XYDataset dataset, int pass,
                                         int series, int item, org.jfree.chart.axis.ValueAxis domainAxis,
                                         Rectangle2D dataArea, org.jfree.chart.axis.ValueAxis rangeAxis,
                                         org.jfree.chart.plot.CrosshairState crosshairState,
                                         org.jfree.chart.entity.EntityCollection entities) {
            boolean titled = g2 instanceof org.jfree.svg.SVGGraphics2D && series > 0
                    && item < bySeries.get(series).size();
            if (titled) {
                // <g class="design"><title>hover text</title> marker </g>: the title belongs to this marker only.
                g2.setRenderingHint(SVGHints.KEY_BEGIN_GROUP, java.util.Map.of("class", "design"));
                g2.setRenderingHint(SVGHints.KEY_ELEMENT_TITLE, hoverText(bySeries.get(series).get(item)));
            }
            super.drawSecondaryPass(g2, plot, dataset, pass, series, item, domainAxis, dataArea, rangeAxis,
                    crosshairState, entities);
            if (titled) {
                g2.setRenderingHint(SVGHints.KEY_END_GROUP, "design");
            }
        }
    }
}
