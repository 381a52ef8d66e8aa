package io.bitforge.verilog.hdl;

import io.bitforge.core.arith.Bits;

import java.math.BigInteger;

/**
 * A value of a {@link Shape}. For shapes up to 64 bits {@code bits} holds the raw pattern masked to the width;
 * for a wide shape it holds a long whose sign extension to the width is the pattern (so a wide constant is any
 * 64-bit number, e.g. a reset value or an all-ones mask).
 */
public record BitVec(Shape shape, long bits) {
    public BitVec {
        if (!shape.wide()) {
            bits = Bits.truncate(bits, shape.width());
        }
    }

    /** Wraps {@code value} to the shape (two's complement). */
    public static BitVec of(Shape shape, long value) {
        return new BitVec(shape, value);
    }

    /** The shape must hold {@code value} exactly. */
    public static BitVec exact(Shape shape, long value) {
        if (!shape.fits(value)) {
            throw new HdlException("value " + value + " does not fit " + shape);
        }
        return new BitVec(shape, value);
    }

    /** The number this pattern means: sign-extended when signed; a wide value must fit a long. */
    public long toLong() {
        if (shape.wide() && !shape.signed() && bits < 0) {
            throw new HdlException("the " + shape + " value " + toBigInteger() + " does not fit a long");
        }
        return shape.canonical(bits);
    }

    /** The number this pattern means, for any width. */
    public BigInteger toBigInteger() {
        return WideBits.fromCanonical(shape.wide() ? bits : shape.canonical(bits), shape);
    }

    public boolean bit(int index) {
        return toBigInteger().testBit(index);
    }

    /** The raw pattern as a sized Verilog hexadecimal literal, e.g. {@code 8'hff}. */
    public String toVerilogLiteral() {
        return shape.width() + "'h" + WideBits.pattern(toBigInteger(), shape.width()).toString(16);
    }
}
