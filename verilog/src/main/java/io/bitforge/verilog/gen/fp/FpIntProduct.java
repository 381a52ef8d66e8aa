package io.bitforge.verilog.gen.fp;

import io.bitforge.core.arith.FloatLayout;
import io.bitforge.verilog.hdl.Concat;
import io.bitforge.verilog.hdl.Const;
import io.bitforge.verilog.hdl.Expr;
import io.bitforge.verilog.hdl.ModuleBuilder;
import io.bitforge.verilog.hdl.Mux;
import io.bitforge.verilog.hdl.Shape;

import java.util.List;

/**
 * An FP16 value times a small signed integer and a power of two, into FP32: the significand times the integer's
 * magnitude (11 + b bits), the exponent moved by the shift — exact, so the rounder only packs it. The product of a
 * shift-and-add or multiply-and-shift PE with FP16 activations (OliVe weight-only, MixPE W4A16).
 */
public final class FpIntProduct {
    private FpIntProduct() {
    }

    /**
     * {@code fp16 × integer × 2^shift}; {@code integer} signed of at most {@code bits + 1} bits with magnitude below
     * 2^bits, {@code shift} unsigned. ∞ × 0 and NaN give FP32's quiet NaN; a zero keeps the sign of the xor.
     */
    public static Expr of(ModuleBuilder m, String name, Expr fp16, Expr integer, Expr shift, int bits) {
        FpFields a = FpFields.of(m, name + "_a", fp16, FloatLayout.FP16);
        Expr negativeWeight = integer.lt(Const.of(Shape.s(2), 0));
        Expr magnitude = Named.wire(m, name + "_wm", Mux.of(negativeWeight, integer.neg(), integer.resize(
                Shape.s(bits + 1))).truncate(bits).asUnsigned());
        Expr product = a.significand().times(magnitude); // u(11 + b)
        int width = Math.max(product.width(), FloatLayout.FP32.mantissaBits() + 3);
        int pad = width - product.width();
        Expr significand = Named.wire(m, name + "_sig", product.shl(pad));
        // the last bit of the product: 2^(e_a − 15 − 10 + shift − pad)
        Expr exponent = Named.wire(m, name + "_exp", a.biasedExponent().plus(shift)
                .plus(Const.of(Shape.s(16), -15 - 10 - pad)));
        Expr rounded = FpRounder.roundMagnitude(m, name + "_rnd", significand, exponent, Const.of(Shape.bool(), 0),
                FloatLayout.FP32);
        Expr negative = a.negative().xor(negativeWeight);
        Expr weightZero = integer.eq(Const.of(Shape.s(2), 0));
        Expr magnitude32 = Mux.of(a.isInfinity(), Const.of(Shape.u(31), FloatLayout.FP32.infinityCode()), rounded);
        Expr nan = a.isNan().or(a.isInfinity().and(weightZero));
        return Named.wire(m, name + "_out", Mux.of(nan, Const.of(Shape.u(32), FloatLayout.FP32.quietNanCode()),
                Concat.of(List.of(negative, magnitude32))));
    }
}
