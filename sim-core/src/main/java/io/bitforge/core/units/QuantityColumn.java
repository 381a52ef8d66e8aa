package io.bitforge.core.units;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A table column of one quantity: one SI prefix for the whole column, chosen from its largest magnitude, named
 * in the header ({@code "TTFT (ms)"}), and every cell in that prefix with {@link HumanUnits#DIGITS} significant
 * digits (at least as many decimals as the largest value needs), so units are never mixed within a column.
 */
public final class QuantityColumn {
    private final String name;
    private final String unit;
    private final SiPrefix prefix;
    private final int decimals;

    /** A column of figures in a unit that takes no prefix (mm², %, dB, ratios): three significant digits. */
    public static QuantityColumn unprefixed(String name, String unit, List<Double> values) {
        return new QuantityColumn(name, unit, SiPrefix.NONE, decimalsOf(largest(values), SiPrefix.NONE));
    }

    private QuantityColumn(String name, String unit, SiPrefix prefix, int decimals) {
        this.name = name;
        this.unit = unit;
        this.prefix = prefix;
        this.decimals = decimals;
    }

    /** The column for these values (non-finite ones ignored when choosing the prefix). */
    public static QuantityColumn of(String name, String unit, List<Double> values) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        double largest = largest(values);
        SiPrefix prefix = SiPrefix.of(largest);
        return new QuantityColumn(name, unit, prefix, decimalsOf(largest, prefix));
    }

    private static double largest(List<Double> values) {
        double largest = 0;
        for (Double v : values) {
            if (v != null && Double.isFinite(v)) {
                largest = Math.max(largest, Math.abs(v));
            }
        }
        return largest;
    }

    private static int decimalsOf(double largest, SiPrefix prefix) {
        if (largest == 0) {
            return 0;
        }
        String top = HumanUnits.significant(prefix.scale(largest), HumanUnits.DIGITS);
        int dot = top.indexOf('.');
        return dot < 0 ? 0 : top.length() - dot - 1;
    }

    /** The header: the name and, if any, the prefixed unit in parentheses. */
    public String header() {
        String symbol = prefix.symbol() + unit;
        return symbol.isEmpty() ? name : name + " (" + symbol + ")";
    }

    /**
     * One cell: at least the column's decimals, more when a small value would otherwise show fewer than
     * {@link HumanUnits#DIGITS} significant digits (at most 6 decimals); empty for null, "n/a" for NaN.
     */
    public String cell(Double value) {
        if (value == null) {
            return "";
        }
        if (!Double.isFinite(value)) {
            return Double.isNaN(value) ? "n/a" : (value > 0 ? "∞" : "-∞");
        }
        double scaled = prefix.scale(value);
        int places = decimals;
        double magnitude = Math.abs(scaled);
        if (magnitude > 0) {
            int needed = HumanUnits.DIGITS - 1 - (int) Math.floor(Math.log10(magnitude));
            places = Math.max(places, Math.min(needed, 6));
        }
        return new java.math.BigDecimal(scaled).setScale(places, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    /** Every value as a cell. */
    public List<String> cells(List<Double> values) {
        List<String> out = new ArrayList<>(values.size());
        values.forEach(v -> out.add(cell(v)));
        return out;
    }
}
