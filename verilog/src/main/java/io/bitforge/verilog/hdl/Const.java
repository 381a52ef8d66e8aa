package io.bitforge.verilog.hdl;

import io.bitforge.core.arith.Bits;

/** A constant. */
public record Const(BitVec value) implements Expr {
    public static Const of(Shape shape, long value) {
        return new Const(BitVec.exact(shape, value));
    }

    /** The smallest shape holding {@code value}: unsigned when non-negative, signed otherwise. */
    public static Const smallest(long value) {
        return value >= 0 ? of(Shape.u(Bits.unsignedWidthOf(value)), value)
                : of(Shape.s(Bits.signedWidthOf(value)), value);
    }

    @Override
    public Shape shape() {
        return value.shape();
    }

    public long toLong() {
        return value.toLong();
    }
}
