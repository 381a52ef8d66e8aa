package io.bitforge.verilog.gen.fp;

import io.bitforge.verilog.hdl.Const;
import io.bitforge.verilog.hdl.Expr;
import io.bitforge.verilog.hdl.ModuleBuilder;
import io.bitforge.verilog.hdl.Shape;

/**
 * The alignment shifter of a floating-point adder: a logical right shift by a 5-bit amount that also reports
 * whether any 1 bit was shifted out (the sticky bit of IEEE rounding; shifting by the width or more leaves 0).
 *
 * @param value  {@code x >> amount}, the input's width
 * @param sticky 1 when {@code x & (2^amount − 1) ≠ 0}
 */
public record StickyShift(Expr value, Expr sticky) {
    /** Inputs of at most 33 bits, so that the mask {@code ~0 << amount} stays within 64 bits. */
    public static StickyShift right(ModuleBuilder m, String name, Expr x, Expr amount) {
        int w = x.width();
        if (w > 33 || x.shape().signed() || amount.width() != LeadingZeros.COUNT_BITS || amount.shape().signed()) {
            throw new IllegalArgumentException("sticky shift takes an unsigned value of at most 33 bits and a 5-bit "
                    + "unsigned amount, got " + x.shape() + " and " + amount.shape());
        }
        Expr ones = Const.of(Shape.u(w), (1L << w) - 1);
        Expr kept = ones.shl(amount).truncate(w); // the bits that stay
        Expr lost = Named.wire(m, name + "_lost", x.and(kept.not()));
        Expr shifted = Named.wire(m, name + "_shifted", x.shr(amount));
        return new StickyShift(shifted, Named.wire(m, name + "_sticky", lost.anyBit()));
    }

    /** The shifted value with the sticky bit OR-ed into its last bit (jamming), as an adder's small operand. */
    public Expr jammed() {
        int w = value.width();
        return value.or(sticky.resize(Shape.u(w)));
    }
}
