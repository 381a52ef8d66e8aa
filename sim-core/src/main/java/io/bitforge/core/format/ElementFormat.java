package io.bitforge.core.format;

import io.bitforge.core.arith.Rounding;

/**
 * A format with one {@link #bits()}-bit code per value and a fixed set of representable values. Codes are
 * the low {@code bits()} bits of an {@code int}, 0 .. 2^bits − 1.
 *
 * <p>Encoding rounds to the nearest representable value. {@link #encode(double)} uses the format's own tie
 * rule ({@link #defaultRounding()}: round-half-to-even for the IEEE-style minifloats as IEEE 754 and the OCP
 * specification require, ties to the lower value for every other format, as BitMoD's quantiser does);
 * {@link #encode(double, Rounding)} takes an explicit rule, where {@link Rounding#HALF_EVEN} means "the
 * neighbour whose code is even" (for minifloats that is the even mantissa) and {@link Rounding#TRUNCATE}
 * means the largest value not above the input. Values beyond the range saturate to the nearest end unless a
 * minifloat is configured with {@link Overflow#NON_SATURATING}.
 */
public sealed interface ElementFormat extends NumberFormat permits IntFormat, MiniFloat, GridFormat {
    /** The code nearest to {@code value} under {@link #defaultRounding()}. */
    default int encode(double value) {
        return encode(value, defaultRounding());
    }

    /** The code nearest to {@code value}; ties by {@code rounding}. NaN throws unless the format has a NaN. */
    int encode(double value, Rounding rounding);

    /**
     * The value of a code: a finite value, ±infinity for infinity codes, NaN for NaN codes and codes the
     * format reserves (see {@link #isReserved(int)}). A code outside 0 .. 2^bits − 1 throws.
     */
    double decode(int code);

    /** True for codes that do not stand for a finite value: infinities, NaNs and unused codes. */
    default boolean isReserved(int code) {
        return !Double.isFinite(decode(code));
    }

    /** Every finite value the format represents, sorted ascending, zero once. */
    ValueGrid grid();

    /** The tie rule {@link #encode(double)} uses. */
    Rounding defaultRounding();

    /** decode(encode(value)): the nearest representable value. */
    default double quantize(double value) {
        return decode(encode(value));
    }

    /** Number of codes, 2^bits. */
    default int codeCount() {
        return 1 << bits();
    }

    /** Checks a code is in 0 .. 2^bits − 1. */
    default int checkCode(int code) {
        if (code < 0 || code >= codeCount()) {
            throw new IllegalArgumentException(id() + ": code must be 0.." + (codeCount() - 1) + ", got " + code);
        }
        return code;
    }
}
