package io.bitforge.core.units;

/**
 * The SI prefixes from pico to peta (BIPM, "The International System of Units", 9th edition, 2019, Table 7),
 * with the micro sign written as µ. Byte counts use the same decimal prefixes (kB = 1000 B).
 */
public enum SiPrefix {
    PICO("p", -12), NANO("n", -9), MICRO("µ", -6), MILLI("m", -3), NONE("", 0), KILO("k", 3), MEGA("M", 6),
    GIGA("G", 9), TERA("T", 12), PETA("P", 15);

    private final String symbol;
    private final int exponent;

    SiPrefix(String symbol, int exponent) {
        this.symbol = symbol;
        this.exponent = exponent;
    }

    public String symbol() {
        return symbol;
    }

    public int exponent() {
        return exponent;
    }

    /** The value expressed in this prefix: 0.0012 in MILLI is 1.2. */
    public double scale(double value) {
        return value / Math.pow(10, exponent);
    }

    /**
     * The prefix that puts {@code magnitude} in [1, 1000), clamped to pico..peta; zero and non-finite values get
     * no prefix.
     */
    public static SiPrefix of(double magnitude) {
        double m = Math.abs(magnitude);
        if (m == 0 || !Double.isFinite(m)) {
            return NONE;
        }
        // Round first so that 999.96 (which prints as 1.00e3 at 3 digits) takes the next prefix.
        int exponent = (int) Math.floor(Math.log10(roundToSignificant(m, HumanUnits.DIGITS)) / 3) * 3;
        SiPrefix best = PICO;
        for (SiPrefix p : values()) {
            if (p.exponent <= exponent) {
                best = p;
            }
        }
        return best;
    }

    static double roundToSignificant(double value, int digits) {
        return new java.math.BigDecimal(value).round(new java.math.MathContext(digits)).doubleValue();
    }
}
