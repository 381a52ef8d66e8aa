package io.bitforge.core.arith;

/**
 * A floating-point code taken apart: its class, its sign and, for finite values, an exact
 * {@code significand × 2^exponent} (normal: hidden bit set, exponent {@code e − bias − m}; subnormal: no hidden bit,
 * exponent {@code 1 − bias − m}).
 */
public record FloatParts(Kind kind, boolean negative, long significand, int exponent) {
    /** The classes of a code. */
    public enum Kind { ZERO, FINITE, INFINITY, NAN }

    public static FloatParts of(long code, FloatLayout layout) {
        boolean negative = (code & layout.signBit()) != 0;
        long e = layout.exponentField(code);
        long f = layout.mantissaField(code);
        int m = layout.mantissaBits();
        if (layout.infinities() && e == (1L << layout.exponentBits()) - 1) {
            return new FloatParts(f == 0 ? Kind.INFINITY : Kind.NAN, negative, 0, 0);
        }
        if ((code & (layout.signBit() - 1)) > layout.maxFiniteCode()) {
            return new FloatParts(Kind.NAN, negative, 0, 0);
        }
        if (e == 0) {
            return f == 0 ? new FloatParts(Kind.ZERO, negative, 0, 0)
                    : new FloatParts(Kind.FINITE, negative, layout.subnormals() ? f : 0,
                    layout.minNormalExponent() - m);
        }
        return new FloatParts(Kind.FINITE, negative, f | 1L << m, (int) e - layout.bias() - m);
    }

    public boolean isNan() {
        return kind == Kind.NAN;
    }

    public boolean isInfinite() {
        return kind == Kind.INFINITY;
    }

    public boolean isZero() {
        return kind == Kind.ZERO || (kind == Kind.FINITE && significand == 0);
    }
}
