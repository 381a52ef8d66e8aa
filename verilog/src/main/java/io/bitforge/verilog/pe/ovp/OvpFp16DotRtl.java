package io.bitforge.verilog.pe.ovp;

import io.bitforge.core.arith.FloatLayout;
import io.bitforge.core.format.OvpFormat;
import io.bitforge.verilog.gen.fp.FpAdder;
import io.bitforge.verilog.gen.fp.FpFields;
import io.bitforge.verilog.gen.fp.FpRounder;
import io.bitforge.verilog.hdl.Concat;
import io.bitforge.verilog.hdl.Const;
import io.bitforge.verilog.hdl.Expr;
import io.bitforge.verilog.hdl.ModuleBuilder;
import io.bitforge.verilog.hdl.ModuleDef;
import io.bitforge.verilog.hdl.Mux;
import io.bitforge.verilog.hdl.Port;
import io.bitforge.verilog.hdl.Reg;
import io.bitforge.verilog.hdl.Shape;
import io.bitforge.verilog.hdl.Wire;

import java.util.List;

/**
 * OliVe's weight-only datapath as BitMoD runs it, for one output: each cycle two FP16 activations and one OVP weight
 * pair code; the pair decoder gives two (integer, shift) weights; each FP16 significand is multiplied by the
 * integer's magnitude and the exponent moved by the shift — exact in FP32 (11 + 7 significand bits) — and the two
 * products are added to an FP32 accumulator in order (even, then odd), round to nearest even. The functional model is
 * {@link io.bitforge.pe.ovp.OvpWeightOnlyTile#accumulators}; the per-channel scale and the FP16 output rounding
 * follow the accumulator in the model's dequantisation step.
 */
public final class OvpFp16DotRtl {
    private OvpFp16DotRtl() {
    }

    public static ModuleDef build(OvpFormat.Normal weights) {
        ModuleBuilder m = ModuleBuilder.named("ovp_fp16_dot_w" + OvpDotRtl.tag(weights))
                .doc("OliVe weight-only dot product: fp16 activations x " + weights.id() + " weights, fp32 sum");
        Port aEven = m.in("a_even", Shape.u(16));
        Port aOdd = m.in("a_odd", Shape.u(16));
        Port wPair = m.in("w_pair", Shape.u(2 * weights.bits()));
        Port en = m.in("en", Shape.bool());
        Port start = m.in("start", Shape.bool());
        OvpPairDecoderRtl.Decoded w = OvpPairDecoderRtl.decode(m, "dw", wPair, weights);
        Expr even = product(m, "pe", aEven, w.even(), weights.bits());
        Expr odd = product(m, "po", aOdd, w.odd(), weights.bits());
        Reg acc = m.reg("acc_q", Shape.u(32), 0);
        Expr previous = Mux.of(start, Const.of(Shape.u(32), 0), acc);
        Expr first = FpAdder.add(m, "add_e", previous, even, FloatLayout.FP32);
        Expr second = FpAdder.add(m, "add_o", first, odd, FloatLayout.FP32);
        m.when(en, s -> s.next(acc, second));
        m.drive(m.out("acc", Shape.u(32)), acc);
        return m.build();
    }

    /** FP16 × (integer · 2^shift) into FP32, exact; ∞ × 0 and NaN give FP32's quiet NaN. */
    static Expr product(ModuleBuilder m, String name, Expr fp16, OvpOperand weight, int bits) {
        FpFields a = FpFields.of(m, name + "_a", fp16, FloatLayout.FP16);
        Expr integer = weight.integer();
        Expr negativeWeight = integer.lt(Const.of(Shape.s(2), 0));
        Expr magnitude = wire(m, name + "_wm", Mux.of(negativeWeight, integer.neg(), integer.resize(
                Shape.s(bits + 1))).truncate(bits).asUnsigned());
        Expr product = a.significand().times(magnitude); // u(11 + b)
        int width = Math.max(product.width(), FloatLayout.FP32.mantissaBits() + 3);
        int pad = width - product.width();
        Expr significand = wire(m, name + "_sig", product.shl(pad));
        // the last bit of the product: 2^(e_a − 15 − 10 + shift − pad)
        Expr exponent = wire(m, name + "_exp", a.biasedExponent().plus(weight.exponent())
                .plus(Const.of(Shape.s(16), -15 - 10 - pad)));
        Expr rounded = FpRounder.roundMagnitude(m, name + "_rnd", significand, exponent, Const.of(Shape.bool(), 0),
                FloatLayout.FP32);
        Expr negative = a.negative().xor(negativeWeight);
        Expr weightZero = integer.eq(Const.of(Shape.s(2), 0));
        Expr magnitude32 = Mux.of(a.isInfinity(), Const.of(Shape.u(31), FloatLayout.FP32.infinityCode()), rounded);
        Expr nan = a.isNan().or(a.isInfinity().and(weightZero));
        return wire(m, name + "_out", Mux.of(nan, Const.of(Shape.u(32), FloatLayout.FP32.quietNanCode()),
                Concat.of(List.of(negative, magnitude32))));
    }

    private static Wire wire(ModuleBuilder m, String name, Expr value) {
        Wire w = m.wire(name, value.shape());
        m.drive(w, value);
        return w;
    }
}
