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
 * A code of one IEEE layout rounded into another (e.g. an FP32 sum into an FP16 register), round to nearest even;
 * with {@code saturate}, overflow and infinities become ±max as BitForge's FP16 format encodes them
 * ({@code NumberFormats.FP16}); NaN stays the canonical quiet NaN. Reference: {@code FloatArith.convert} (IEEE) and
 * {@code MiniFloat.encode} (saturating).
 */
public final class FpConvert {
    private FpConvert() {
    }

    public static Expr convert(ModuleBuilder m, String name, Expr code, FloatLayout from, FloatLayout to,
                               boolean saturate) {
        FpFields x = FpFields.of(m, name + "_in", code, from);
        int width = Math.max(from.mantissaBits() + 1, to.mantissaBits() + 3);
        int pad = width - (from.mantissaBits() + 1);
        Expr significand = Named.wire(m, name + "_sig", x.significand().shl(pad));
        Expr exponent = Named.wire(m, name + "_exp", x.biasedExponent().plus(Const.of(Shape.s(16),
                -from.bias() - from.mantissaBits() - pad)));
        Expr magnitude = FpRounder.roundMagnitude(m, name + "_rnd", significand, exponent, Const.of(Shape.bool(), 0),
                to, saturate);
        int bits = to.bits() - 1;
        Expr infinite = Const.of(Shape.u(bits), saturate ? to.maxFiniteCode() : to.infinityCode());
        Expr special = Mux.of(x.isInfinity(), infinite, magnitude);
        return Named.wire(m, name + "_out", Mux.of(x.isNan(), Const.of(Shape.u(to.bits()), to.quietNanCode()),
                Concat.of(List.of(x.negative(), special))));
    }
}
