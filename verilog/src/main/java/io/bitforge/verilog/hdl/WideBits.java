package io.bitforge.verilog.hdl;

import java.math.BigInteger;

/**
 * Two's-complement helpers for values of any {@link Shape} as {@link BigInteger}s: the canonical number of a
 * shape is the value itself (negative only when signed), the pattern its low {@code width} bits.
 */
public final class WideBits {
    private WideBits() {
    }

    /** A mask of the low {@code width} bits. */
    public static BigInteger mask(int width) {
        return BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE);
    }

    /** Wraps {@code value} to the shape, as hardware does on overflow. */
    public static BigInteger wrap(BigInteger value, Shape shape) {
        BigInteger p = value.and(mask(shape.width()));
        return shape.signed() && p.testBit(shape.width() - 1) ? p.subtract(BigInteger.ONE.shiftLeft(shape.width())) : p;
    }

    /** The raw pattern of {@code value} in {@code width} bits (non-negative). */
    public static BigInteger pattern(BigInteger value, int width) {
        return value.and(mask(width));
    }

    /**
     * The number a canonical long of the shape means: for u64 the unsigned reading of the pattern, for a wide
     * shape the sign extension of the long wrapped to the shape, otherwise the long itself.
     */
    public static BigInteger fromCanonical(long value, Shape shape) {
        if (!shape.signed() && shape.width() == Shape.LONG_WIDTH) {
            return new BigInteger(Long.toUnsignedString(value));
        }
        BigInteger v = BigInteger.valueOf(value);
        return shape.wide() ? wrap(v, shape) : v;
    }

    /** Whether the shape holds {@code value} exactly. */
    public static boolean fits(BigInteger value, Shape shape) {
        return wrap(value, shape).equals(value);
    }
}
