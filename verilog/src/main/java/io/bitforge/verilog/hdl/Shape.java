package io.bitforge.verilog.hdl;

import io.bitforge.core.arith.Bits;

/**
 * The type of a hardware value: a width of 1..{@value #MAX_WIDTH} bits and a signedness (two's complement when
 * signed). Values up to {@value #LONG_WIDTH} bits are carried in a {@code long} (the fast path of the simulator);
 * wider ones ({@link #wide()}: accumulators, packed lanes) as a {@link java.math.BigInteger}. The long-based
 * helpers below ({@link #fits}, {@link #canonical}) read a long given for a wide shape as its sign extension.
 */
public record Shape(int width, boolean signed) {
    /** Widest shape the HDL supports: a bound that catches runaway width rules, not a limit of Verilog. */
    public static final int MAX_WIDTH = 4096;
    /** Widest shape whose values fit a {@code long}. */
    public static final int LONG_WIDTH = 64;

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

    /** Whether values of this shape are wider than a {@code long}. */
    public boolean wide() {
        return width > LONG_WIDTH;
    }

    /** Smallest value of the shape (a shape of at most 64 bits). */
    public long minValue() {
        requireNarrow();
        return signed ? Bits.minSigned(width) : 0;
    }

    /** Largest value of the shape (for u(64) the all-ones pattern, i.e. -1 as a long). */
    public long maxValue() {
        requireNarrow();
        return signed ? Bits.maxSigned(width) : width == 64 ? -1L : Bits.maxUnsigned(width);
    }

    /** Whether {@code value} is representable without wrapping. */
    public boolean fits(long value) {
        if (wide()) {
            return signed || value >= 0;
        }
        return Bits.fits(value, width, signed);
    }

    /** The canonical {@code long} of a bit pattern: sign-extended when signed, zero-extended when not. */
    public long canonical(long bits) {
        if (wide()) {
            return bits;
        }
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

    private void requireNarrow() {
        if (wide()) {
            throw new HdlException(this + " values do not fit a long; use WideBits");
        }
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
