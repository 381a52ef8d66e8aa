package io.bitforge.core.arith;

/**
 * Two's-complement helpers shared by number formats, functional PE models and the HDL simulator, so that
 * all three agree on what a w-bit value is. Widths are 1..64; values are carried in a {@code long}.
 */
public final class Bits {
    private Bits() {
    }

    /** Checks a width is 1..64. */
    public static int checkWidth(int width) {
        if (width < 1 || width > 64) {
            throw new IllegalArgumentException("bit width must be 1..64, got " + width);
        }
        return width;
    }

    /** A mask of the low {@code width} bits. */
    public static long mask(int width) {
        checkWidth(width);
        return width == 64 ? -1L : (1L << width) - 1;
    }

    /** Keeps the low {@code width} bits (the raw pattern, zero-extended). */
    public static long truncate(long value, int width) {
        return value & mask(width);
    }

    /** Interprets the low {@code width} bits as a two's-complement number. */
    public static long signExtend(long value, int width) {
        checkWidth(width);
        int shift = 64 - width;
        return (value << shift) >> shift;
    }

    /** Wraps {@code value} to {@code width} bits, signed or unsigned, as hardware does on overflow. */
    public static long wrap(long value, int width, boolean signed) {
        return signed ? signExtend(value, width) : truncate(value, width);
    }

    /** Smallest signed value of the width: -2^(w-1). */
    public static long minSigned(int width) {
        checkWidth(width);
        return width == 64 ? Long.MIN_VALUE : -(1L << (width - 1));
    }

    /** Largest signed value of the width: 2^(w-1)-1. */
    public static long maxSigned(int width) {
        checkWidth(width);
        return width == 64 ? Long.MAX_VALUE : (1L << (width - 1)) - 1;
    }

    /** Largest unsigned value of the width (as a long; width at most 63). */
    public static long maxUnsigned(int width) {
        checkWidth(width);
        if (width == 64) {
            throw new IllegalArgumentException("unsigned 64-bit maximum does not fit a long");
        }
        return (1L << width) - 1;
    }

    /** Clamps to the signed range of the width. */
    public static long saturateSigned(long value, int width) {
        return Math.max(minSigned(width), Math.min(maxSigned(width), value));
    }

    /** Clamps to 0..2^w-1 (width at most 63). */
    public static long saturateUnsigned(long value, int width) {
        return Math.max(0, Math.min(maxUnsigned(width), value));
    }

    /** Whether {@code value} is representable in {@code width} bits. */
    public static boolean fits(long value, int width, boolean signed) {
        return signed ? value >= minSigned(width) && value <= maxSigned(width)
                : value >= 0 && (width == 64 || value <= maxUnsigned(width));
    }

    /** Bits {@code lo .. lo+width-1} of {@code value}, zero-extended. */
    public static long slice(long value, int lo, int width) {
        if (lo < 0 || lo >= 64) {
            throw new IllegalArgumentException("slice start must be 0..63, got " + lo);
        }
        return truncate(value >>> lo, width);
    }

    /** Bit {@code index} of {@code value} as 0 or 1. */
    public static int bit(long value, int index) {
        return (int) slice(value, index, 1);
    }

    /**
     * Splits the low {@code width} bits of a pattern into digits of {@code digitBits} bits, least significant
     * first (the top digit may be narrower). Used for bit-serial weights and bit-sliced crossbar columns.
     */
    public static long[] digits(long pattern, int width, int digitBits) {
        checkWidth(width);
        checkWidth(digitBits);
        int count = (width + digitBits - 1) / digitBits;
        long[] out = new long[count];
        for (int i = 0; i < count; i++) {
            int lo = i * digitBits;
            out[i] = slice(pattern, lo, Math.min(digitBits, width - lo));
        }
        return out;
    }

    /** Minimum two's-complement width holding {@code value} (1 for 0 and -1). */
    public static int signedWidthOf(long value) {
        long magnitude = value < 0 ? ~value : value;
        return 65 - Long.numberOfLeadingZeros(magnitude);
    }

    /** Minimum unsigned width holding a non-negative {@code value} (1 for 0). */
    public static int unsignedWidthOf(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative value has no unsigned width: " + value);
        }
        return Math.max(1, 64 - Long.numberOfLeadingZeros(value));
    }

    /** ceil(log2(n)) for n >= 1: the address bits for n entries, or the growth of a sum of n terms. */
    public static int ceilLog2(long n) {
        if (n < 1) {
            throw new IllegalArgumentException("ceilLog2 needs n >= 1, got " + n);
        }
        return n == 1 ? 0 : 64 - Long.numberOfLeadingZeros(n - 1);
    }
}
