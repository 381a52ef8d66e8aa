package io.bitforge.verilog.hdl;

import io.bitforge.core.arith.Bits;

/** A value of a {@link Shape}; {@code bits} always holds the raw pattern masked to the width. */
public record BitVec(Shape shape, long bits) {
    public BitVec {
        bits = Bits.truncate(bits, shape.width());
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

    /** The number this pattern means: sign-extended when signed. */
    public long toLong() {
        return shape.canonical(bits);
    }

    public boolean bit(int index) {
        return Bits.bit(bits, index) == 1;
    }

    /** The raw pattern as a sized Verilog hexadecimal literal, e.g. {@code 8'hff}. */
    public String toVerilogLiteral() {
        return shape.width() + "'h" + Long.toHexString(bits);
    }
}
