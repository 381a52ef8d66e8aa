package io.bitforge.reports.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Energy by category as side-by-side bars on a log axis, one group per design or op kind: DRAM, which often
 * outweighs everything else a hundredfold, is one bar among the others instead of a stack that hides them, so a
 * category a thousand times smaller is still a visible bar. The subtitle gives DRAM's share of the total.
 * Categories that are zero everywhere are left out; a zero part of one group has no bar.
 */
public final class EnergyBreakdownChart {
    static final String DRAM = "DRAM";
    private final String title;
    private final String categoryLabel;
    private final List<StackedBar> bars;

    /** @param bars one per group, parts in picojoules by category name */
    public EnergyBreakdownChart(String title, String categoryLabel, List<StackedBar> bars) {
        this.title = Objects.requireNonNull(title, "title");
        this.categoryLabel = Objects.requireNonNull(categoryLabel, "categoryLabel");
        if (bars.isEmpty()) {
            throw new IllegalArgumentException("an energy chart needs at least one group");
        }
        this.bars = List.copyOf(bars);
    }

    /** Categories with energy in some group, first-seen order: the legend entries. */
    public List<String> categories() {
        Set<String> names = new LinkedHashSet<>();
        bars.forEach(bar -> names.addAll(bar.parts().keySet()));
        names.removeIf(name -> bars.stream().allMatch(bar -> bar.parts().getOrDefault(name, 0.0) == 0));
        return new ArrayList<>(names);
    }

    /** DRAM energy over all energy, 0..1. */
    public double dramShare() {
        double total = bars.stream().mapToDouble(StackedBar::total).sum();
        double dram = bars.stream().mapToDouble(b -> b.parts().getOrDefault(DRAM, 0.0)).sum();
        return total > 0 ? dram / total : 0;
    }

    /** Rows are categories, columns groups; values log10 of joules; zero parts absent. */
    public DefaultCategoryDataset dataset() {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (String category : categories()) {
            for (StackedBar bar : bars) {
                double picojoules = bar.parts().getOrDefault(category, 0.0);
                data.addValue(picojoules > 0 ? Math.log10(picojoules * 1e-12) : null, category, bar.label());
            }
        }
        return data;
    }

    public JFreeChart chart() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (StackedBar bar : bars) {
            for (double pj : bar.parts().values()) {
                if (pj > 0) {
                    lo = Math.min(lo, pj * 1e-12);
                    hi = Math.max(hi, pj * 1e-12);
                }
            }
        }
        if (lo == Double.POSITIVE_INFINITY) {
            lo = 1e-12;
            hi = 1e-11;
        }
        // Bars grow from a floor half a decade below the smallest part, so the smallest is still a bar.
        double floor = Math.pow(10, Math.floor(Math.log10(lo) - 0.5));
        LogTickAxis values = new LogTickAxis("energy (J, log scale)", "J", true, floor, hi * 2);
        BarRenderer renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setBase(Math.log10(floor));
        renderer.setIncludeBaseInRange(false);
        renderer.setItemMargin(0.02);
        List<String> categories = categories();
        for (int i = 0; i < categories.size(); i++) {
            renderer.setSeriesPaint(i, ChartStyle.colour(i));
        }
        CategoryAxis groups = ChartStyle.fonts(new CategoryAxis(categoryLabel));
        if (bars.size() > 6) {
            groups.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        groups.setMaximumCategoryLabelLines(2);
        CategoryPlot plot = new CategoryPlot(dataset(), groups, values, renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        JFreeChart chart = ChartStyle.chart(title, plot, true);
        chart.addSubtitle(new TextTitle(String.format(java.util.Locale.ROOT,
                "log scale: every category visible; DRAM is %.1f%% of all energy", 100 * dramShare()),
                ChartStyle.LEGEND));
        return chart;
    }
}
