package io.bitforge.reports.chart;

import io.bitforge.explore.ParetoFront;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Drawable;
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
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * An explorer run's designs on the space's own objectives: with two objectives one chart (first objective
 * across, second up), with three or more a matrix of every pair. Each PE family has its own colour and legend
 * entry; the Pareto front is found by the explorer's own code ({@link ParetoFront}, the one that writes
 * {@code pareto.json}) over all objectives at once, its designs drawn ringed and, with two objectives, joined;
 * designs off the front are drawn hollow. Axes are logarithmic with readable ticks in human units
 * ({@link LogTickAxis}). In SVG each marker has a {@code <title>} naming the design and its values.
 */
public final class ObjectivesParetoChart {
    static final String FRONT_PREFIX = "Pareto front";
    private static final Color FRONT_COLOUR = Color.BLACK;
    private static final double MARKER = 8;

    private final String title;
    private final List<ObjectiveAxis> axes;
    private final List<ParetoDesign> designs;
    private final boolean[] onFront;
    private final List<String> families;

    public ObjectivesParetoChart(String title, List<ObjectiveAxis> axes, List<ParetoDesign> designs) {
        this.title = Objects.requireNonNull(title, "title");
        this.axes = List.copyOf(axes);
        this.designs = List.copyOf(designs);
        if (this.axes.size() < 2) {
            throw new IllegalArgumentException("a Pareto chart needs two objectives or more, got " + this.axes.size());
        }
        if (this.designs.isEmpty()) {
            throw new IllegalArgumentException("a Pareto chart needs at least one design");
        }
        for (ParetoDesign d : this.designs) {
            if (d.values().length != this.axes.size()) {
                throw new IllegalArgumentException("design " + d.designId() + " has " + d.values().length
                        + " objective values, the chart " + this.axes.size());
            }
        }
        List<double[]> minimised = new ArrayList<>();
        for (ParetoDesign d : this.designs) {
            double[] m = new double[this.axes.size()];
            for (int i = 0; i < m.length; i++) {
                m[i] = this.axes.get(i).minimised(d.value(i));
            }
            minimised.add(m);
        }
        onFront = new boolean[this.designs.size()];
        for (int i : ParetoFront.indices(minimised)) {
            onFront[i] = true;
        }
        families = List.copyOf(new TreeSet<>(this.designs.stream().map(ParetoDesign::family).toList()));
    }

    /** The designs on the front, in the order given. */
    public List<ParetoDesign> front() {
        List<ParetoDesign> front = new ArrayList<>();
        for (int i = 0; i < designs.size(); i++) {
            if (onFront[i]) {
                front.add(designs.get(i));
            }
        }
        return front;
    }

    /** The PE families drawn, sorted: one colour and one legend entry each. */
    public List<String> families() {
        return families;
    }

    public List<ObjectiveAxis> axes() {
        return axes;
    }

    /** The legend text of the front's series, which names its size. */
    public String frontLabel() {
        return FRONT_PREFIX + " (" + front().size() + " of " + designs.size() + " designs)";
    }

    /** Two objectives: the one chart; three or more: the matrix of pairs, a title and one shared legend. */
    public Drawable drawing() {
        if (axes.size() == 2) {
            return pair(0, 1, true);
        }
        List<JFreeChart> panels = new ArrayList<>();
        List<int[]> cells = new ArrayList<>();
        for (int y = 1; y < axes.size(); y++) {
            for (int x = 0; x < y; x++) {
                panels.add(pair(x, y, false));
                cells.add(new int[] {y - 1, x});
            }
        }
        return new ChartGrid(title, axes.size() - 1, axes.size() - 1, panels, cells, legend());
    }

    /** One panel: objective {@code x} across, {@code y} up. */
    public JFreeChart pair(int x, int y, boolean withTitleAndLegend) {
        XYSeriesCollection data = new XYSeriesCollection();
        List<List<ParetoDesign>> bySeries = new ArrayList<>();
        List<ParetoDesign> front = front();
        XYSeries frontSeries = new XYSeries(frontLabel(), false, true);
        List<ParetoDesign> frontOrder = new ArrayList<>(front);
        frontOrder.sort(Comparator.comparingDouble((ParetoDesign d) -> d.value(x)).thenComparingDouble(d -> d.value(y))
                .thenComparing(ParetoDesign::designId));
        frontOrder.forEach(d -> frontSeries.add(Math.log10(d.value(x)), Math.log10(d.value(y))));
        data.addSeries(frontSeries);
        bySeries.add(frontOrder);
        for (String family : families) {
            XYSeries series = new XYSeries(family, false, true);
            List<ParetoDesign> members = designs.stream().filter(d -> d.family().equals(family)).toList();
            members.forEach(d -> series.add(Math.log10(d.value(x)), Math.log10(d.value(y))));
            data.addSeries(series);
            bySeries.add(members);
        }
        Renderer renderer = new Renderer(bySeries, front, x, y);
        renderer.setSeriesPaint(0, FRONT_COLOUR);
        renderer.setSeriesStroke(0, new BasicStroke(1.4f));
        // A line along the front means something only when the front is the two plotted objectives.
        renderer.setSeriesLinesVisible(0, axes.size() == 2);
        renderer.setSeriesShapesVisible(0, true);
        renderer.setSeriesShapesFilled(0, false);
        renderer.setSeriesShape(0, new Ellipse2D.Double(-MARKER, -MARKER, 2 * MARKER, 2 * MARKER));
        for (int s = 1; s <= families.size(); s++) {
            renderer.setSeriesPaint(s, ChartStyle.colour(s - 1));
            renderer.setSeriesLinesVisible(s, false);
            renderer.setSeriesShapesVisible(s, true);
            renderer.setSeriesShape(s, new Ellipse2D.Double(-MARKER / 2, -MARKER / 2, MARKER, MARKER));
        }
        renderer.setUseOutlinePaint(false);
        ObjectiveAxis ax = axes.get(x);
        ObjectiveAxis ay = axes.get(y);
        double[] xr = range(x);
        double[] yr = range(y);
        XYPlot plot = new XYPlot(data, new LogTickAxis(ax.title(), ax.unit(), ax.prefixed(), xr[0], xr[1]),
                new LogTickAxis(ay.title(), ay.unit(), ay.prefixed(), yr[0], yr[1]), renderer);
        // The front's rings over the family markers.
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.REVERSE);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(ChartStyle.GRID);
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        JFreeChart chart = ChartStyle.chart(withTitleAndLegend ? title : null, plot, withTitleAndLegend);
        if (withTitleAndLegend) {
            chart.addSubtitle(new TextTitle("filled: on the front over all objectives; hollow: dominated",
                    ChartStyle.LEGEND));
        }
        return chart;
    }

    /** The legend items: the front, then one per family. */
    LegendItemCollection legend() {
        return pair(0, 1, true).getXYPlot().getLegendItems();
    }

    /** Legend texts in order, as drawn. */
    public List<String> legendEntries() {
        List<String> out = new ArrayList<>();
        LegendItemCollection items = legend();
        for (int i = 0; i < items.getItemCount(); i++) {
            LegendItem item = items.get(i);
            out.add(item.getLabel());
        }
        return out;
    }

    /** A little wider than the values, so no marker sits on the frame. */
    private double[] range(int axis) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (ParetoDesign d : designs) {
            lo = Math.min(lo, d.value(axis));
            hi = Math.max(hi, d.value(axis));
        }
        double margin = Math.max(Math.pow(hi / lo, 0.06), 1.02);
        return new double[] {lo / margin, hi * margin};
    }

    static String hoverText(ParetoDesign d, List<ObjectiveAxis> axes, boolean front) {
        StringBuilder text = new StringBuilder(d.label()).append(" (").append(d.designId()).append("):");
        for (int i = 0; i < axes.size(); i++) {
            ObjectiveAxis a = axes.get(i);
            text.append(i == 0 ? " " : ", ").append(a.id()).append(' ')
                    .append(a.prefixed() ? io.bitforge.core.units.HumanUnits.format(d.value(i), a.unit())
                            : io.bitforge.core.units.HumanUnits.significant(d.value(i), 3) + " " + a.unit());
        }
        return text.append(front ? ", on the front" : ", dominated").toString();
    }

    /** Hollow markers off the front, and an SVG title on every family marker. */
    private final class Renderer extends XYLineAndShapeRenderer {
        private static final long serialVersionUID = 1L;
        private final List<List<ParetoDesign>> bySeries;
        private final java.util.Set<String> frontIds;

        Renderer(List<List<ParetoDesign>> bySeries, List<ParetoDesign> front, int x, int y) {
            this.bySeries = bySeries;
            this.frontIds = new java.util.HashSet<>(front.stream().map(ParetoDesign::designId).toList());
        }

        @Override
        public boolean getItemShapeFilled(int series, int item) {
            if (series == 0) {
                return false;
            }
            return frontIds.contains(bySeries.get(series).get(item).designId());
        }

        @Override
        public Shape getItemShape(int series, int item) {
            return super.getItemShape(series, item);
        }

        @Override
        protected void drawSecondaryPass(Graphics2D g2, XYPlot plot, org.jfree.data.xy.XYDataset dataset, int pass,
                                         int series, int item, org.jfree.chart.axis.ValueAxis domainAxis,
                                         Rectangle2D dataArea, org.jfree.chart.axis.ValueAxis rangeAxis,
                                         org.jfree.chart.plot.CrosshairState crosshairState,
                                         org.jfree.chart.entity.EntityCollection entities) {
            boolean titled = g2 instanceof org.jfree.svg.SVGGraphics2D && series > 0;
            if (titled) {
                ParetoDesign d = bySeries.get(series).get(item);
                g2.setRenderingHint(SVGHints.KEY_BEGIN_GROUP, Map.of("class", "design"));
                g2.setRenderingHint(SVGHints.KEY_ELEMENT_TITLE, hoverText(d, axes, frontIds.contains(d.designId())));
            }
            super.drawSecondaryPass(g2, plot, dataset, pass, series, item, domainAxis, dataArea, rangeAxis,
                    crosshairState, entities);
            if (titled) {
                g2.setRenderingHint(SVGHints.KEY_END_GROUP, "design");
            }
        }
    }
}
