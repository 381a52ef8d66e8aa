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
 * An IEEE code taken apart in hardware, as {@link io.bitforge.core.arith.FloatParts} does in Java: sign, the
 * significand with its hidden bit ({@code m + 1} bits), the effective biased exponent (1 for subnormals), and the
 * class flags.
 */
public record FpFields(Expr negative, Expr significand, Expr biasedExponent, Expr magnitude, Expr isZero,
                       Expr isInfinity, Expr isNan) {
    public static FpFields of(ModuleBuilder m, String name, Expr code, FloatLayout layout) {
        int e = layout.exponentBits();
        int mb = layout.mantissaBits();
        if (!layout.infinities() || !layout.subnormals() || code.width() != layout.bits()) {
            throw new IllegalArgumentException("FP fields need an IEEE layout with subnormals and a code of "
                    + layout.bits() + " bits");
        }
        Expr exponent = Named.wire(m, name + "_exp", code.slice(e + mb - 1, mb));
        Expr mantissa = mb == 0 ? null : Named.wire(m, name + "_man", code.slice(mb - 1, 0));
        Expr expZero = exponent.eq(Const.of(Shape.u(e), 0));
        Expr expOnes = exponent.eq(Const.of(Shape.u(e), (1L << e) - 1));
        Expr manZero = mantissa.eq(Const.of(Shape.u(mb), 0));
        Expr hidden = expZero.not();
        Expr significand = Named.wire(m, name + "_sig", Concat.of(List.of(hidden, mantissa)));
        Expr effective = Named.wire(m, name + "_bexp", Mux.of(expZero, Const.of(Shape.u(e), 1), exponent));
        return new FpFields(Named.wire(m, name + "_neg", code.bit(e + mb)), significand, effective,
                Named.wire(m, name + "_mag", code.slice(e + mb - 1, 0)),
                Named.wire(m, name + "_zero", expZero.and(manZero)),
                Named.wire(m, name + "_inf", expOnes.and(manZero)),
                Named.wire(m, name + "_nan", expOnes.and(manZero.not())));
    }
}
