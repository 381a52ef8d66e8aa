package io.bitforge.core.arith;

/**
 * The one routine that rounds an exact value to a binary floating-point code: every FP16 (and BF16, FP32, FP8 …)
 * rounding in BitForge goes through {@link #round}, whether it is a number format encoding a real, a PE model
 * writing an FP16 output, or the reference the FP hardware blocks are checked against.
 *
 * <p>The value is {@code (magnitude + δ) × 2^exponent} with {@code δ = 0}, or {@code 0 < δ < 1} when
 * {@code sticky} (bits already shifted out, as a hardware datapath keeps them). The result has the layout's
 * precision: quantum {@code 2^(max(floor(log2 v), 1 − bias) − mantissaBits)}, subnormals below the smallest
 * normal (or, without subnormals, a choice between 0 and the smallest normal). Ties follow {@link Rounding}
 * (IEEE 754-2019 §4.3: {@link Rounding#HALF_EVEN} is roundTiesToEven; {@link Rounding#TRUNCATE} is
 * roundTowardNegative). A result beyond the largest finite code overflows to infinity when the layout has one
 * and the rule rounds that way (IEEE 754-2019 §7.4), else to ±max. An exact zero keeps the sign given.
 */
public final class FloatRounding {
    private enum Remainder { BELOW_HALF, HALF, ABOVE_HALF }

    private FloatRounding() {
    }

    /**
     * The code (sign included) nearest to {@code ±(magnitude + δ) × 2^exponent} by {@code rule}.
     *
     * @param sticky whether bits below {@code 2^exponent} were nonzero; needs a magnitude wide enough that at
     *               least one bit is rounded off, so that δ cannot reach half a quantum
     */
    public static long round(boolean negative, long magnitude, int exponent, boolean sticky, FloatLayout layout,
                             Rounding rule) {
        if (magnitude < 0) {
            throw new IllegalArgumentException("magnitude must be >= 0, got " + magnitude);
        }
        long sign = negative ? layout.signBit() : 0;
        if (magnitude == 0) {
            if (sticky) {
                throw new IllegalArgumentException("a sticky remainder needs a nonzero magnitude beside it");
            }
            return sign;
        }
        int m = layout.mantissaBits();
        int top = exponent + 63 - Long.numberOfLeadingZeros(magnitude); // floor(log2 |value|)
        int minExponent = layout.minNormalExponent();
        if (!layout.subnormals() && top < minExponent) {
            return sign | belowSmallestNormal(negative, magnitude, sticky, top, layout, rule);
        }
        int quantum = Math.max(top, minExponent) - m;
        int shift = quantum - exponent;
        long significand;
        if (shift <= 0) {
            if (sticky) {
                throw new IllegalArgumentException("a sticky remainder needs bits rounded off; widen the magnitude");
            }
            significand = magnitude << -shift;
        } else {
            long lower = shift >= 64 ? 0 : magnitude >>> shift;
            Remainder r = shift >= 64 ? Remainder.BELOW_HALF : remainder(magnitude, shift, sticky);
            boolean inexact = sticky || (shift >= 64 ? magnitude != 0 : (magnitude & Bits.mask(shift)) != 0);
            significand = lower + (roundsUp(rule, negative, r, (lower & 1) == 1, inexact) ? 1 : 0);
        }
        if (significand >= 1L << (m + 1)) { // the rounding carried into the next binade
            significand >>>= 1;
            quantum++;
        }
        long code;
        if (significand < 1L << m) {
            code = significand; // subnormal: exponent field 0
        } else {
            long exponentField = (long) quantum + m + layout.bias();
            code = exponentField >= 1L << layout.exponentBits() ? Long.MAX_VALUE
                    : exponentField << m | (significand - (1L << m));
        }
        if (code > layout.maxFiniteCode()) {
            boolean toInfinity = layout.infinities() && (rule != Rounding.TRUNCATE || negative);
            return sign | (toInfinity ? layout.infinityCode() : layout.maxFiniteCode());
        }
        return sign | code;
    }

    /** Rounds a double (exact input) by {@code rule}; NaN gives the layout's quiet NaN, infinities overflow. */
    public static long round(double value, FloatLayout layout, Rounding rule) {
        if (Double.isNaN(value)) {
            return layout.quietNanCode();
        }
        boolean negative = value < 0 || (value == 0 && 1 / value < 0);
        if (Double.isInfinite(value)) {
            boolean toInfinity = layout.infinities() && (rule != Rounding.TRUNCATE || negative);
            return (negative ? layout.signBit() : 0) | (toInfinity ? layout.infinityCode() : layout.maxFiniteCode());
        }
        long bits = Double.doubleToRawLongBits(value);
        int exponentField = (int) ((bits >>> 52) & 0x7FF);
        long fraction = bits & ((1L << 52) - 1);
        // IEEE binary64: normal 1.f × 2^(e − 1023), subnormal 0.f × 2^−1022
        long magnitude = exponentField == 0 ? fraction : fraction | 1L << 52;
        int exponent = exponentField == 0 ? -1074 : exponentField - 1075;
        return round(negative, magnitude, exponent, false, layout, rule);
    }

    private static Remainder remainder(long magnitude, int shift, boolean sticky) {
        long rest = magnitude & Bits.mask(shift);
        long half = 1L << (shift - 1);
        if (rest > half || (rest == half && sticky)) {
            return Remainder.ABOVE_HALF;
        }
        return rest == half ? Remainder.HALF : Remainder.BELOW_HALF;
    }

    /** Whether the magnitude rounds up (away from zero) under {@code rule}. */
    private static boolean roundsUp(Rounding rule, boolean negative, Remainder r, boolean lowerOdd,
                                    boolean inexact) {
        if (rule == Rounding.TRUNCATE) {
            return negative && inexact; // toward minus infinity
        }
        if (r != Remainder.HALF) {
            return r == Remainder.ABOVE_HALF;
        }
        switch (rule) {
            case HALF_EVEN:
                return lowerOdd;
            case HALF_AWAY_FROM_ZERO:
                return true;
            case HALF_DOWN_TOWARD_LOWER:
                return negative;
            case HALF_UP:
                return !negative;
            default:
                throw new AssertionError(rule);
        }
    }

    /** Without subnormals a value under the smallest normal becomes 0 or the smallest normal (code 1 << m). */
    private static long belowSmallestNormal(boolean negative, long magnitude, boolean sticky, int top,
                                            FloatLayout layout, Rounding rule) {
        int halfExponent = layout.minNormalExponent() - 1;
        Remainder r;
        if (top < halfExponent) {
            r = Remainder.BELOW_HALF;
        } else {
            boolean powerOfTwo = Long.bitCount(magnitude) == 1 && !sticky;
            r = powerOfTwo ? Remainder.HALF : Remainder.ABOVE_HALF;
        }
        // zero's code is even, so a tie to even stays at zero
        return roundsUp(rule, negative, r, false, true) ? 1L << layout.mantissaBits() : 0;
    }
}
