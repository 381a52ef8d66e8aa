package io.bitforge.core.format;

import io.bitforge.core.arith.FloatLayout;
import io.bitforge.core.arith.FloatRounding;
import io.bitforge.core.arith.Rounding;

import java.util.Objects;

/**
 * An IEEE-754-style binary float of 1 sign, {@code e} exponent and {@code m} mantissa bits with a bias,
 * optional subnormals and one of three special-value policies. Covers FP16 (IEEE binary16), BF16, and the
 * OCP formats: FP8 E4M3 and E5M2 (OCP 8-bit Floating Point Specification (OFP8) rev 1.0, Table 1) and FP6
 * E2M3/E3M2 and FP4 E2M1 (OCP Microscaling Formats (MX) v1.0, §5.3). Rounding defaults to
 * round-half-to-even; overflow saturates to ±max by default ({@link Overflow}). Values are the true
 * floating-point values (FP4 E2M1 max is 6.0). Negative values that round to zero keep their sign (−0).
 */
public final class MiniFloat implements ElementFormat {
    /** Which exponent/mantissa patterns are not finite numbers. */
    public enum Specials {
        /** Exponent all ones: mantissa 0 is ±infinity, anything else NaN (IEEE 754; FP16, BF16, FP8 E5M2). */
        IEEE,
        /** Only S.1111.111 is NaN; no infinities; the rest of the top exponent holds normal values (OCP E4M3). */
        NAN_ONLY_ALL_ONES,
        /** Every code is a finite number (OCP FP6 and FP4). */
        NONE
    }

    private final String id;
    private final int exponentBits;
    private final int mantissaBits;
    private final int bias;
    private final boolean subnormals;
    private final Specials specials;
    private final Overflow overflow;
    private final String source;
    /** Built on first use, like the grid: FP16's and BF16's tables are 65,536 values each. */
    private volatile double[] valueByCode;
    /** Built on first use: FP16's and BF16's 65,536 codes would otherwise be sorted at every start-up. */
    private volatile ValueGrid grid;
    private final int maxCode;
    private final FloatLayout layout;

    public MiniFloat(String id, int exponentBits, int mantissaBits, int bias, boolean subnormals, Specials specials,
                     Overflow overflow, String source) {
        this.id = Objects.requireNonNull(id, "id");
        if (exponentBits < 1 || mantissaBits < 0 || 1 + exponentBits + mantissaBits > 16) {
            throw new IllegalArgumentException(id + ": need 1 sign + e >= 1 exponent + m >= 0 mantissa bits, "
                    + "at most 16 in all; got e=" + exponentBits + " m=" + mantissaBits);
        }
        if (specials != Specials.NONE && mantissaBits == 0) {
            throw new IllegalArgumentException(id + ": infinity/NaN encodings need mantissa bits");
        }
        if (specials == Specials.NONE && overflow == Overflow.NON_SATURATING) {
            throw new IllegalArgumentException(id + ": a format without infinity or NaN can only saturate");
        }
        this.exponentBits = exponentBits;
        this.mantissaBits = mantissaBits;
        this.bias = bias;
        this.subnormals = subnormals;
        this.specials = Objects.requireNonNull(specials, "specials");
        this.overflow = Objects.requireNonNull(overflow, "overflow");
        this.source = Objects.requireNonNull(source, "source");
        this.maxCode = largestFiniteCode();
        // overflow is decided in encode before rounding, so the layout itself never needs infinities
        this.layout = new FloatLayout(exponentBits, mantissaBits, bias, subnormals, maxCode, false);
    }

    /**
     * The grid's last code: the largest finite value's. Positive codes (sign bit clear) grow in value with the code
     * (exponent above mantissa; never falling), so it is the highest positive code that is not infinity or NaN, or
     * the lowest positive code of equal value (without subnormals every exponent-0 code is zero).
     */
    private int largestFiniteCode() {
        for (int c = (1 << (bits() - 1)) - 1; c >= 0; c--) {
            double max = compute(c);
            if (Double.isFinite(max)) {
                while (c > 0 && compute(c - 1) + 0.0 == max + 0.0) {
                    c--;
                }
                return c;
            }
        }
        throw new IllegalArgumentException(id + ": no finite value");
    }

    private double[] table() {
        double[] table = valueByCode;
        if (table == null) {
            table = new double[1 << bits()]; // idempotent: a race builds equal tables
            for (int c = 0; c < table.length; c++) {
                table[c] = compute(c);
            }
            valueByCode = table;
        }
        return table;
    }

    /** The same format with another overflow rule, e.g. IEEE behaviour for FP16 accumulators. */
    public MiniFloat withOverflow(Overflow rule) {
        return new MiniFloat(id, exponentBits, mantissaBits, bias, subnormals, specials, rule, source);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public int bits() {
        return 1 + exponentBits + mantissaBits;
    }

    public int exponentBits() {
        return exponentBits;
    }

    public int mantissaBits() {
        return mantissaBits;
    }

    public int bias() {
        return bias;
    }

    public boolean subnormals() {
        return subnormals;
    }

    public Specials specials() {
        return specials;
    }

    public Overflow overflow() {
        return overflow;
    }

    /** The largest finite value. */
    public double maxFinite() {
        return grid().max();
    }

    /** The code of +max. */
    public int maxFiniteCode() {
        return maxCode;
    }

    @Override
    public String description() {
        return "float: 1 sign, " + exponentBits + " exponent, " + mantissaBits + " mantissa bits, bias " + bias
                + (subnormals ? ", subnormals" : ", no subnormals") + ", " + specialsText() + ", max "
                + stripZero(maxFinite());
    }

    private String specialsText() {
        switch (specials) {
            case IEEE:
                return "IEEE infinities and NaN";
            case NAN_ONLY_ALL_ONES:
                return "no infinities, NaN = S." + "1".repeat(exponentBits) + "." + "1".repeat(mantissaBits);
            default:
                return "no infinity or NaN";
        }
    }

    private static String stripZero(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public double decode(int code) {
        return table()[checkCode(code)];
    }

    private double compute(int code) {
        int mantissaMask = (1 << mantissaBits) - 1;
        int exponentAllOnes = (1 << exponentBits) - 1;
        boolean negative = (code >>> (exponentBits + mantissaBits)) != 0;
        int e = (code >>> mantissaBits) & exponentAllOnes;
        int f = code & mantissaMask;
        double magnitude;
        if (specials == Specials.IEEE && e == exponentAllOnes) {
            magnitude = f == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
        } else if (specials == Specials.NAN_ONLY_ALL_ONES && e == exponentAllOnes && f == mantissaMask) {
            magnitude = Double.NaN;
        } else if (e == 0) {
            // Subnormal: 0.f × 2^(1−bias). Without subnormals the whole exponent-0 row flushes to zero.
            magnitude = subnormals ? Math.scalb((double) f, 1 - bias - mantissaBits) : 0.0;
        } else {
            magnitude = Math.scalb((double) ((1 << mantissaBits) | f), e - bias - mantissaBits);
        }
        return negative ? -magnitude : magnitude;
    }

    @Override
    public boolean isReserved(int code) {
        return !Double.isFinite(decode(code));
    }

    @Override
    public int encode(double value, Rounding rounding) {
        int signBit = 1 << (exponentBits + mantissaBits);
        if (Double.isNaN(value)) {
            if (specials == Specials.NONE) {
                throw new IllegalArgumentException(id + " has no NaN");
            }
            int exponentField = ((1 << exponentBits) - 1) << mantissaBits;
            // IEEE: the quiet NaN (top mantissa bit set); OCP E4M3: its single NaN pattern S.1111.111.
            return specials == Specials.IEEE ? exponentField | (1 << (mantissaBits - 1)) : signBit - 1;
        }
        boolean negative = value < 0 || (value == 0 && 1 / value < 0);
        double magnitude = Math.abs(value);
        int sign = negative ? signBit : 0;
        double max = maxFinite();
        if (magnitude > max) {
            if (overflow == Overflow.SATURATE || specials == Specials.NONE) {
                return sign | maxCode;
            }
            // IEEE rounding against a virtual value one ulp above max, whose code is maxCode + 1.
            double next = max + Math.scalb(1.0, Math.getExponent(max) - mantissaBits);
            double mid = max + (next - max) / 2;
            boolean over;
            if (Double.isInfinite(magnitude) || magnitude > mid) {
                over = true;
            } else if (magnitude < mid) {
                over = false;
            } else {
                over = overflowsOnTie(rounding, negative);
            }
            return over ? sign | overflowMagnitudeCode() : sign | maxCode;
        }
        // In range: the shared rounding routine; a negative value that rounds to zero keeps its sign (−0), as IEEE
        return (int) FloatRounding.round(value, layout, rounding);
    }

    private boolean overflowsOnTie(Rounding rounding, boolean negative) {
        switch (rounding) {
            case HALF_EVEN:
                return ((maxCode + 1) & 1) == 0;
            case HALF_UP:
                return !negative;
            case HALF_DOWN_TOWARD_LOWER:
            case TRUNCATE:
                return negative;
            case HALF_AWAY_FROM_ZERO:
                return true;
            default:
                throw new AssertionError(rounding);
        }
    }

    /** The magnitude code an overflow produces: infinity (IEEE) or the NaN pattern (OCP E4M3). */
    private int overflowMagnitudeCode() {
        int exponentField = ((1 << exponentBits) - 1) << mantissaBits;
        return specials == Specials.IEEE ? exponentField : exponentField | ((1 << mantissaBits) - 1);
    }

    @Override
    public ValueGrid grid() {
        ValueGrid built = grid;
        if (built == null) {
            built = ValueGrid.fromCodeTable(table()); // idempotent: a race builds equal grids
            grid = built;
        }
        return built;
    }

    @Override
    public Rounding defaultRounding() {
        return Rounding.HALF_EVEN;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MiniFloat f && f.id.equals(id) && f.exponentBits == exponentBits
                && f.mantissaBits == mantissaBits && f.bias == bias && f.subnormals == subnormals
                && f.specials == specials && f.overflow == overflow;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, exponentBits, mantissaBits, bias, subnormals, specials, overflow);
    }

    @Override
    public String toString() {
        return id;
    }
}
