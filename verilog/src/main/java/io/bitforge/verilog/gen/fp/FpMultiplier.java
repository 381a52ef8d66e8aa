package io.bitforge.verilog.gen.fp;

import io.bitforge.core.arith.FloatLayout;
import io.bitforge.verilog.hdl.Concat;
import io.bitforge.verilog.hdl.Const;
import io.bitforge.verilog.hdl.Expr;
import io.bitforge.verilog.hdl.ModuleBuilder;
import io.bitforge.verilog.hdl.ModuleDef;
import io.bitforge.verilog.hdl.Mux;
import io.bitforge.verilog.hdl.Port;
import io.bitforge.verilog.hdl.Shape;

import java.util.List;

/**
 * A combinational floating-point multiplier: the exact product of the two significands, rounded once into the output
 * layout by {@link FpRounder} (FP16 × FP16 → FP32 is always exact; BF16 × BF16 → FP32 rounds only on underflow and
 * overflows to infinity), or by {@link WideRounder} when the product is wider than 32 bits (FP16 × FP32, FP32 × FP32). Special values follow {@link io.bitforge.core.arith.FloatArith#multiply}, its reference.
 */
public final class FpMultiplier {
    private FpMultiplier() {
    }

    /** A module {@code p = a × b}. */
    public static ModuleDef build(FloatLayout a, FloatLayout b, FloatLayout out) {
        ModuleBuilder m = ModuleBuilder.named("fp_mul_" + tag(a) + "_" + tag(b) + "_" + tag(out))
                .doc("floating-point multiply, round to nearest even, " + tag(a) + " x " + tag(b) + " -> " + tag(out));
        Port x = m.in("a", Shape.u(a.bits()));
        Port y = m.in("b", Shape.u(b.bits()));
        m.drive(m.out("p", Shape.u(out.bits())), multiply(m, "mul", x, a, y, b, out));
        return m.build();
    }

    /** The product as an expression inside {@code m}. */
    public static Expr multiply(ModuleBuilder m, String name, Expr x, FloatLayout a, Expr y, FloatLayout b,
                                FloatLayout out) {
        FpFields p = FpFields.of(m, name + "_a", x, a);
        FpFields q = FpFields.of(m, name + "_b", y, b);
        Expr negative = Named.wire(m, name + "_neg", p.negative().xor(q.negative()));
        Expr product = p.significand().times(q.significand());
        int width = Math.max(product.width(), out.mantissaBits() + 3);
        int pad = width - product.width();
        Expr significand = Named.wire(m, name + "_prod", product.shl(pad));
        // exponent of the product's last bit: (ea − bias_a − m_a) + (eb − bias_b − m_b) − pad
        int offset = -a.bias() - a.mantissaBits() - b.bias() - b.mantissaBits() - pad;
        Expr exponent = Named.wire(m, name + "_exp", p.biasedExponent().plus(q.biasedExponent())
                .plus(Const.of(Shape.s(16), offset)).asSigned());
        // products wider than the rounder's 32 bits (FP16 × FP32, FP32 × FP32) are normalised first
        Expr magnitude = significand.width() > 32
                ? WideRounder.roundMagnitude(m, name + "_rnd", significand, exponent, out)
                : FpRounder.roundMagnitude(m, name + "_rnd", significand, exponent, Const.of(Shape.bool(), 0), out);
        Expr nan = p.isNan().or(q.isNan()).or(p.isInfinity().and(q.isZero())).or(p.isZero().and(q.isInfinity()));
        Expr infinite = p.isInfinity().or(q.isInfinity());
        int magnitudeBits = out.bits() - 1;
        Expr special = Mux.of(infinite, Const.of(Shape.u(magnitudeBits), out.infinityCode()), magnitude);
        Expr signed = Concat.of(List.of(negative, special));
        return Named.wire(m, name + "_out", Mux.of(nan, Const.of(Shape.u(out.bits()), out.quietNanCode()), signed));
    }

    static String tag(FloatLayout l) {
        if (l.equals(FloatLayout.FP16)) {
            return "fp16";
        }
        if (l.equals(FloatLayout.BF16)) {
            return "bf16";
        }
        if (l.equals(FloatLayout.FP32)) {
            return "fp32";
        }
        return "e" + l.exponentBits() + "m" + l.mantissaBits();
    }
}
