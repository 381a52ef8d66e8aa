package io.bitforge.reports.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Stacked bars, one per design or op kind, each split into named parts (energy by category, cycles by cause).
 * Values are drawn in the largest {@link Unit} that keeps the tallest bar at or above one; parts that are zero
 * in every bar are left out of the legend.
 */
public final class StackedBarChart {
    private final String title;
    private final String categoryLabel;
    private final String quantity;
    private final List<Unit> units;
    private final List<StackedBar> bars;

    /**
     * @param quantity what the bars measure, e.g. "energy"; the axis reads "energy (µJ)"
     * @param units    display units of the bars' base unit, smallest first
     */
    public StackedBarChart(String title, String categoryLabel, String quantity, List<Unit> units, List<StackedBar> bars) {
        this.title = Objects.requireNonNull(title, "title");
        this.categoryLabel = Objects.requireNonNull(categoryLabel, "categoryLabel");
        this.quantity = Objects.requireNonNull(quantity, "quantity");
        this.units = List.copyOf(units);
        if (bars.isEmpty()) {
            throw new IllegalArgumentException("a bar chart needs at least one bar");
        }
        this.bars = List.copyOf(bars);
    }

    public List<StackedBar> bars() {
        return bars;
    }

    /** The unit the value axis is drawn in. */
    public Unit unit() {
        return Unit.pick(units, bars.stream().mapToDouble(StackedBar::total).max().orElse(0));
    }

    /** Parts with a non-zero value in at least one bar, in the bars' order (first-seen across bars). */
    public List<String> parts() {
        Set<String> names = new LinkedHashSet<>();
        bars.forEach(bar -> names.addAll(bar.parts().keySet()));
        names.removeIf(name -> bars.stream().allMatch(bar -> bar.parts().getOrDefault(name, 0.0) == 0));
        return new ArrayList<>(names);
    }

    /** Rows are parts, columns are bars, values in {@link #unit()}. */
    public DefaultCategoryDataset dataset() {
        Unit unit = unit();
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (String part : parts()) {
            for (StackedBar bar : bars) {
                data.addValue(bar.parts().getOrDefault(part, 0.0) / unit.baseUnits(), part, bar.label());
            }
        }
        return data;
    }

    public JFreeChart chart() {
        StackedBarRenderer renderer = new StackedBarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(true);
        renderer.setDefaultOutlinePaint(Color.WHITE);
        renderer.setMaximumBarWidth(0.12);
        List<String> parts = parts();
        for (int i = 0; i < parts.size(); i++) {
            renderer.setSeriesPaint(i, ChartStyle.colour(i));
            renderer.setSeriesOutlinePaint(i, Color.WHITE);
        }
        CategoryAxis categories = ChartStyle.fonts(new CategoryAxis(categoryLabel));
        if (bars.size() > 6) {
            categories.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        categories.setMaximumCategoryLabelLines(2);
        NumberAxis values = ChartStyle.fonts(new NumberAxis(quantity + " (" + unit().name() + ")"));
        CategoryPlot plot = new CategoryPlot(dataset(), categories, values, renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        return ChartStyle.chart(title, plot, true);
    }
}
