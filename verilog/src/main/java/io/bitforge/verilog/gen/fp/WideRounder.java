package io.bitforge.verilog.gen.fp;

import io.bitforge.core.arith.FloatLayout;
import io.bitforge.verilog.hdl.Const;
import io.bitforge.verilog.hdl.Expr;
import io.bitforge.verilog.hdl.Mux;
import io.bitforge.verilog.hdl.ModuleBuilder;
import io.bitforge.verilog.hdl.Shape;

/**
 * Rounds an exact magnitude wider than {@link FpRounder}'s 32-bit significand (a 64-bit partial sum times an FP16
 * significand, an FP16 × FP32 product): a leading-zero count over the whole value, a barrel shift that puts the
 * leading 1 on top, the top 32 bits to {@link FpRounder} and every bit below them jammed into its sticky bit. That
 * rounds as rounding the whole value would (IEEE 754-2019 §4.3.1): the result's bits and the guard bit are among the
 * 32 kept ones, and only whether anything below is nonzero matters.
 */
public final class WideRounder {
    private static final int KEPT_BITS = 32;

    private WideRounder() {
    }

    /**
     * The magnitude code (no sign) of {@code magnitude × 2^exponent}, rounded to nearest even into {@code out}; a zero
     * magnitude gives 0.
     *
     * @param magnitude unsigned, more than 32 bits
     * @param exponent  signed exponent of the magnitude's last bit
     */
    public static Expr roundMagnitude(ModuleBuilder m, String name, Expr magnitude, Expr exponent, FloatLayout out) {
        int width = magnitude.width();
        if (width <= KEPT_BITS || magnitude.shape().signed() || !exponent.shape().signed()) {
            throw new IllegalArgumentException("wide rounding takes an unsigned magnitude of more than " + KEPT_BITS
                    + " bits and a signed exponent, got " + magnitude.shape() + " and " + exponent.shape());
        }
        Expr lz = Named.wire(m, name + "_lz", leadingZeros(magnitude));
        Expr normal = Named.wire(m, name + "_norm", shiftLeft(magnitude, lz));
        Expr kept = normal.slice(width - 1, width - KEPT_BITS);
        Expr sticky = normal.slice(width - KEPT_BITS - 1, 0).anyBit();
        // the kept bits' last one sits width − 32 above the magnitude's last bit, less the normalising shift
        Expr keptExponent = Named.wire(m, name + "_exp", exponent.plus(Const.of(Shape.s(16), width - KEPT_BITS))
                .minus(lz).asSigned());
        return FpRounder.roundMagnitude(m, name + "_rnd", kept, keptExponent, sticky, out);
    }

    /** Zeros above the highest set bit ({@code width − 1} for zero). */
    private static Expr leadingZeros(Expr x) {
        int w = x.width();
        Shape count = Shape.u(Integer.SIZE - Integer.numberOfLeadingZeros(w));
        Expr result = Const.of(count, w - 1);
        for (int i = 1; i < w; i++) { // the highest set bit wins: build from the bottom up
            result = Mux.of(x.bit(i), Const.of(count, w - 1 - i), result);
        }
        return result;
    }

    /** {@code x << amount} in x's width, one stage per bit of the amount. */
    private static Expr shiftLeft(Expr x, Expr amount) {
        int w = x.width();
        Expr shifted = x;
        for (int b = 0; b < amount.width(); b++) {
            int by = 1 << b;
            Expr moved = by >= w ? Const.of(x.shape(), 0) : shifted.shl(by).truncate(w);
            shifted = Mux.of(amount.bit(b), moved, shifted);
        }
        return shifted;
    }
}
