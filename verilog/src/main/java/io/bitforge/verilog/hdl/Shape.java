package io.bitforge.verilog.hdl;

import io.bitforge.core.arith.Bits;

/**
 * The type of a hardware value: a width of 1..64 bits and a signedness (two's complement when signed).
 * Buses wider than 64 bits are modelled as several signals or as a memory, never as one signal.
 */
public record Shape(int width, boolean signed) {
    /** Widest shape the HDL supports; values are carried in a {@code long}. */
    public static final int MAX_WIDTH = 64;

    public Shape {
        if (width < 1 || width > MAX_WIDTH) {
            throw new HdlException("shape width must be 1.." + MAX_WIDTH + ", got " + width);
        }
    }

    public static Shape u(int width) {
        return new Shape(width, false);
    }

    public static Shape s(int width) {
        return new Shape(width, true);
    }

    public static Shape bool() {
        return u(1);
    }

    /** Smallest value of the shape. */
    public long minValue() {
        return signed ? Bits.minSigned(width) : 0;
    }

    /** Largest value of the shape (for u(64) the all-ones pattern, i.e. -1 as a long). */
    public long maxValue() {
        return signed ? Bits.maxSigned(width) : width == 64 ? -1L : Bits.maxUnsigned(width);
    }

    /** Whether {@code value} is representable without wrapping. */
    public boolean fits(long value) {
        return Bits.fits(value, width, signed);
    }

    /** The canonical {@code long} of a bit pattern: sign-extended when signed, zero-extended when not. */
    public long canonical(long bits) {
        return Bits.wrap(bits, width, signed);
    }

    /**
     * The smallest shape that holds every value of both: equal signedness keeps the wider width; an unsigned
     * u(n) joining a signed shape needs s(n+1).
     */
    public Shape unify(Shape other) {
        if (signed == other.signed) {
            return new Shape(checked(Math.max(width, other.width)), signed);
        }
        int unsignedWidth = signed ? other.width : width;
        int signedWidth = signed ? width : other.width;
        return new Shape(checked(Math.max(unsignedWidth + 1, signedWidth)), true);
    }

    static int checked(int width) {
        if (width > MAX_WIDTH) {
            throw new HdlException("result would be " + width + " bits wide; the HDL allows at most " + MAX_WIDTH
                    + " (split the value or narrow the operands explicitly)");
        }
        return width;
    }

    @Override
    public String toString() {
        return (signed ? "s" : "u") + width;
    }
}
