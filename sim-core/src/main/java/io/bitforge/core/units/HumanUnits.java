package io.bitforge.core.units;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The one way BitForge prints a quantity for people: the value in its base unit (seconds, joules, bytes, ops,
 * square metres are not used: area stays in mm²) scaled to the SI prefix that puts it in [1, 1000), with
 * {@value #DIGITS} significant digits, trailing zeros kept so a column lines up ({@code 1.20 ms}, {@code 456 µJ},
 * {@code 12.0 GB}). Tables that need one unit per column use {@link QuantityColumn} instead.
 */
public final class HumanUnits {
    /** Significant digits of every human-readable figure. */
    public static final int DIGITS = 3;

    private HumanUnits() {
    }

    /** {@code value} in {@code unit} with an SI prefix: {@code format(0.00123, "s")} is {@code "1.23 ms"}. */
    public static String format(double value, String unit) {
        if (!Double.isFinite(value)) {
            return Double.isNaN(value) ? "n/a" : (value > 0 ? "∞" : "-∞") + (unit.isEmpty() ? "" : " " + unit);
        }
        SiPrefix prefix = SiPrefix.of(value);
        String number = significant(prefix.scale(value), DIGITS);
        String symbol = prefix.symbol() + unit;
        return symbol.isEmpty() ? number : number + " " + symbol;
    }

    /** A count with an SI multiplier and no unit: {@code 6738415616} is {@code "6.74 G"}. */
    public static String count(double value) {
        return format(value, "");
    }

    /** Seconds, joules, bytes: the common cases named. */
    public static String seconds(double seconds) {
        return format(seconds, "s");
    }

    public static String joules(double joules) {
        return format(joules, "J");
    }

    public static String bytes(double bytes) {
        return format(bytes, "B");
    }

    /**
     * {@code value} rounded to {@code digits} significant digits in plain notation, trailing zeros kept (so 1.2
     * at 3 digits is "1.20" and 1234.5 is "1230"); 0 is "0".
     */
    public static String significant(double value, int digits) {
        if (value == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(digits, RoundingMode.HALF_UP));
        int integerDigits = rounded.precision() - rounded.scale();
        if (integerDigits >= digits) {
            return rounded.setScale(0, RoundingMode.HALF_UP).toPlainString();
        }
        return rounded.setScale(digits - integerDigits, RoundingMode.HALF_UP).toPlainString();
    }

    /** A run-time estimate for a refusal message: "45 s", "12 min", "3.5 h" or "4.17 days". */
    public static String duration(double seconds) {
        if (seconds < 120) {
            return String.format(java.util.Locale.ROOT, "%.0f s", seconds);
        }
        if (seconds < 7200) {
            return String.format(java.util.Locale.ROOT, "%.0f min", seconds / 60);
        }
        if (seconds < 2 * 86400) {
            return String.format(java.util.Locale.ROOT, "%.1f h", seconds / 3600);
        }
        return String.format(java.util.Locale.ROOT, "%.3g days", seconds / 86400);
    }
}
