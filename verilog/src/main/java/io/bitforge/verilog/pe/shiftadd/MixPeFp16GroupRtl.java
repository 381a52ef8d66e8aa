package io.bitforge.verilog.pe.shiftadd;

import io.bitforge.core.arith.FloatLayout;
import io.bitforge.verilog.gen.fp.FpAdder;
import io.bitforge.verilog.gen.fp.FpConvert;
import io.bitforge.verilog.gen.fp.FpIntProduct;
import io.bitforge.verilog.hdl.Const;
import io.bitforge.verilog.hdl.Expr;
import io.bitforge.verilog.hdl.ModuleBuilder;
import io.bitforge.verilog.hdl.ModuleDef;
import io.bitforge.verilog.hdl.Mux;
import io.bitforge.verilog.hdl.Port;
import io.bitforge.verilog.hdl.Reg;
import io.bitforge.verilog.hdl.Shape;

/**
 * MixPE's W4A16 group sums in RTL (Zhang et al., arXiv 2411.16158), as the functional model
 * {@link io.bitforge.pe.shiftadd.MixPeDatapath#w4a16} forms them: each cycle one FP16 activation and one b-bit
 * weight; the weight's shifted copies of the activation are exponent increments and their sum is exact in FP32
 * ({@link FpIntProduct}: significand × weight, exponent kept), so one exact product joins the FP32 group accumulator
 * (round to nearest even, from +0, in k order); the group's activation sum Σa is accumulated beside it. A zero
 * product's sign cannot show: added to an accumulator that starts at +0 it leaves the sum as the model's.
 */
public final class MixPeFp16GroupRtl {
    private MixPeFp16GroupRtl() {
    }

    /** {@code signed}: two's-complement weight codes (int b), else unsigned (uint b). */
    public static ModuleDef build(int weightBits, boolean signed) {
        ModuleBuilder m = ModuleBuilder.named("mixpe_w" + weightBits + (signed ? "s" : "u") + "a16_group")
                .doc("MixPE W" + weightBits + "A16 group sums: exponent-shift products, fp32 group accumulators");
        Port a = m.in("a", Shape.u(16));
        Port w = m.in("w", Shape.u(weightBits));
        Port en = m.in("en", Shape.bool());
        Port start = m.in("start", Shape.bool());
        Expr weight = signed ? w.asSigned().resize(Shape.s(weightBits + 1)) : w.resize(Shape.s(weightBits + 1));
        Expr product = FpIntProduct.of(m, "prod", a, weight, Const.of(Shape.u(1), 0), weightBits);
        Reg sum = m.reg("psum_q", Shape.u(32), 0);
        Reg activations = m.reg("asum_q", Shape.u(32), 0);
        Expr zero = Const.of(Shape.u(32), 0);
        Expr nextSum = FpAdder.add(m, "padd", Mux.of(start, zero, sum), product, FloatLayout.FP32);
        Expr wide = FpConvert.convert(m, "aw", a, FloatLayout.FP16, FloatLayout.FP32, false);
        Expr nextActivations = FpAdder.add(m, "aadd", Mux.of(start, zero, activations), wide, FloatLayout.FP32);
        m.when(en, s -> {
            s.next(sum, nextSum);
            s.next(activations, nextActivations);
        });
        m.drive(m.out("psum", Shape.u(32)), sum);
        m.drive(m.out("asum", Shape.u(32)), activations);
        return m.build();
    }
}
