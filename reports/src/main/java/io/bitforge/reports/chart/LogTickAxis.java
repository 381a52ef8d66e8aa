package io.bitforge.reports.chart;

import io.bitforge.core.units.HumanUnits;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * A log axis drawn as a linear axis over log10 values (so tick labels stay text in SVG) whose ticks are readable
 * whatever the span: 1, 2 and 5 per decade when the axis spans less than three decades, one per decade up to
 * twelve decades, every third decade beyond. Labels are human units ({@code 2 ms}, {@code 500 µJ}); an axis
 * always gets at least three ticks when its span allows it. Plot {@code Math.log10(value)} on it.
 */
public final class LogTickAxis extends NumberAxis {
    private static final long serialVersionUID = 1L;
    private final String unit;
    private final boolean prefixed;

    /**
     * @param unit     the values' unit ("s", "J"), or "" for plain numbers
     * @param prefixed whether the unit takes SI prefixes (mm² does not)
     */
    public LogTickAxis(String label, String unit, boolean prefixed, double low, double high) {
        super(label);
        this.unit = unit;
        this.prefixed = prefixed;
        ChartStyle.fonts(this);
        setAutoRangeIncludesZero(false);
        double lo = Math.log10(low);
        double hi = Math.log10(high);
        if (!(hi > lo)) {
            lo -= 0.5;
            hi += 0.5;
        }
        setRange(lo, hi);
    }

    /**
     * An axis just around the positive finite {@code values}: a margin of 6 % of their span in decades each side
     * (at least 2 %), so no marker sits on the frame and no empty decade is added.
     */
    public static LogTickAxis around(String label, String unit, boolean prefixed, double[] values) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (v > 0 && Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (lo == Double.POSITIVE_INFINITY) {
            return new LogTickAxis(label, unit, prefixed, 1, 10);
        }
        double margin = Math.max(Math.pow(hi / lo, 0.06), 1.02);
        return new LogTickAxis(label, unit, prefixed, lo / margin, hi * margin);
    }

    /** Multipliers of a decade at which ticks sit, by the axis's span in decades. */
    static double[] multipliers(double decades) {
        if (decades < 1.2) {
            return new double[] {1, 1.5, 2, 3, 4, 5, 6, 7, 8, 9};
        }
        if (decades < 3) {
            return new double[] {1, 2, 5};
        }
        return new double[] {1};
    }

    /**
     * The tick values (not logs) within [10^lo, 10^hi]; an axis too narrow for three of the 1-2-5 ticks gets
     * evenly spaced round values instead (steps of 1, 2 or 5 × 10^k, about five ticks).
     */
    static List<Double> tickValues(double lo, double hi) {
        List<Double> logTicks = logTickValues(lo, hi);
        if (logTicks.size() >= 3) {
            return logTicks;
        }
        double low = Math.pow(10, lo);
        double high = Math.pow(10, hi);
        double raw = (high - low) / 5;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / magnitude < 1.5 ? magnitude : raw / magnitude < 3.5 ? 2 * magnitude : 5 * magnitude;
        List<Double> ticks = new ArrayList<>();
        for (long k = (long) Math.ceil(low / step); k * step <= high * (1 + 1e-12); k++) {
            // k * step, rounded so that 0.1 * 3 prints as 0.3.
            ticks.add(new java.math.BigDecimal(k).multiply(new java.math.BigDecimal(String.valueOf(step)))
                    .doubleValue());
        }
        return ticks;
    }

    private static List<Double> logTickValues(double lo, double hi) {
        double decades = hi - lo;
        int step = decades > 12 ? 3 : 1;
        double[] multipliers = multipliers(decades);
        List<Double> ticks = new ArrayList<>();
        for (int k = (int) Math.floor(lo); k <= (int) Math.ceil(hi); k++) {
            if (Math.floorMod(k, step) != 0) {
                continue;
            }
            for (double m : multipliers) {
                double value = m * Math.pow(10, k);
                double log = Math.log10(value);
                if (log >= lo - 1e-9 && log <= hi + 1e-9) {
                    ticks.add(value);
                }
            }
        }
        return ticks;
    }

    String label(double value) {
        if (!prefixed) {
            String number = HumanUnits.significant(value, HumanUnits.DIGITS).replaceAll("\\.?0+$", "");
            return unit.isEmpty() ? number : number + " " + unit;
        }
        // Tick labels drop trailing zeros: "2 ms", "1.5 ms".
        String text = HumanUnits.format(value, unit);
        return text.replaceAll("(\\.\\d*?)0+(?=\\D|$)", "$1").replace(". ", " ").replaceAll("\\.$", "");
    }

    /**
     * Ticks whose labels do not overlap: decades first, then the 2s and 5s (and finer) wherever their labels
     * fit between those already placed, measured with the tick label font.
     */
    @Override
    public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        boolean vertical = RectangleEdge.isLeftOrRight(edge);
        TextAnchor anchor = vertical ? (edge == RectangleEdge.LEFT ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT)
                : (edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER);
        java.awt.FontMetrics metrics = g2.getFontMetrics(getTickLabelFont());
        List<Double> values = tickValues(getLowerBound(), getUpperBound());
        List<double[]> placed = new ArrayList<>();
        List<ValueTick> ticks = new ArrayList<>();
        for (int pass = 0; pass < 2; pass++) {
            for (double value : values) {
                boolean decade = Math.abs(Math.log10(value) - Math.rint(Math.log10(value))) < 1e-9;
                if (decade != (pass == 0)) {
                    continue;
                }
                String label = label(value);
                double centre = valueToJava2D(Math.log10(value), dataArea, edge);
                double half = (vertical ? metrics.getHeight() : metrics.stringWidth(label) + 8) / 2.0;
                double[] span = {centre - half, centre + half};
                if (placed.stream().anyMatch(p -> p[0] < span[1] && span[0] < p[1])) {
                    continue;
                }
                placed.add(span);
                ticks.add(new NumberTick(Math.log10(value), label, anchor, TextAnchor.CENTER, 0.0));
            }
        }
        ticks.sort(java.util.Comparator.comparingDouble(ValueTick::getValue));
        return ticks;
    }
}
