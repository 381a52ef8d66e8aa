package io.bitforge.reports.chart;

import io.bitforge.roofline.DecadeFormat;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

import java.awt.Color;
import java.awt.Font;

/**
 * The look every report chart shares: fonts large enough to read in a two-column paper, white background, light
 * grid, legend at the bottom, and log axes drawn as linear axes over log10 values with one tick per decade labelled
 * 10ᵏ (the roofline chart's approach: tick labels stay text in SVG and never show fractional powers).
 */
public final class ChartStyle {
    public static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    public static final Font AXIS_LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    public static final Font TICK_LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    public static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    public static final Font ANNOTATION = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
    public static final Color GRID = new Color(0xD5D8DC);
    /** Colour-blind-safe qualitative palette (Okabe and Ito, "Color Universal Design", 2008), then greys. */
    public static final Color[] PALETTE = {new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73),
        new Color(0xD55E00), new Color(0xCC79A7), new Color(0x56B4E9), new Color(0xF0E442), new Color(0x000000),
        new Color(0x7F7F7F), new Color(0x8C564B), new Color(0x17BECF), new Color(0xBCBD22), new Color(0x9467BD),
        new Color(0xC7C7C7)};

    private ChartStyle() {
    }

    public static Color colour(int index) {
        return PALETTE[Math.floorMod(index, PALETTE.length)];
    }

    /** A chart with the shared title font, white background and the legend (if any) at the bottom. */
    public static JFreeChart chart(String title, Plot plot, boolean legend) {
        JFreeChart chart = new JFreeChart(title, TITLE, plot, legend);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(6, 6, 6, 18));
        LegendTitle legendTitle = chart.getLegend();
        if (legendTitle != null) {
            legendTitle.setPosition(RectangleEdge.BOTTOM);
            legendTitle.setItemFont(LEGEND);
        }
        return chart;
    }

    public static <A extends Axis> A fonts(A axis) {
        axis.setLabelFont(AXIS_LABEL);
        axis.setTickLabelFont(TICK_LABEL);
        return axis;
    }

    /**
     * A number axis over log10 values spanning whole decades from {@code low} to {@code high} (both > 0), one tick
     * per decade labelled 10ᵏ. Plot {@code Math.log10(value)} on it.
     */
    public static NumberAxis decadeAxis(String label, double low, double high) {
        double lo = Math.floor(Math.log10(low));
        double hi = Math.ceil(Math.log10(high));
        if (hi <= lo) {
            hi = lo + 1;
        }
        NumberAxis axis = fonts(new NumberAxis(label));
        axis.setAutoRangeIncludesZero(false);
        axis.setRange(lo, hi);
        axis.setTickUnit(new NumberTickUnit(1.0, new DecadeFormat()));
        return axis;
    }

    /** Whole decades around the positive finite values, widened by a factor of 1.15 each side so no marker sits on the frame. */
    public static double[] decadeRange(double[] values) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (v > 0 && Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (lo == Double.POSITIVE_INFINITY) {
            return new double[] {1, 10};
        }
        return new double[] {Math.pow(10, Math.floor(Math.log10(lo / 1.15))),
            Math.pow(10, Math.ceil(Math.log10(hi * 1.15)))};
    }

    /** Four significant digits, no exponent: 1979, 989.4, 2.048, 0.5. */
    public static String format(double value) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        return new java.math.BigDecimal(value).round(new java.math.MathContext(4)).stripTrailingZeros()
                .toPlainString();
    }
}
