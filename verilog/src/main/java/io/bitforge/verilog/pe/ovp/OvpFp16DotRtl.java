package io.bitforge.verilog.pe.ovp;

import io.bitforge.core.arith.FloatLayout;
import io.bitforge.core.format.OvpFormat;
import io.bitforge.verilog.gen.fp.FpAdder;
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
        Expr even = FpIntProduct.of(m, "pe", aEven, w.even().integer(), w.even().exponent(), weights.bits());
        Expr odd = FpIntProduct.of(m, "po", aOdd, w.odd().integer(), w.odd().exponent(), weights.bits());
        Reg acc = m.reg("acc_q", Shape.u(32), 0);
        Expr previous = Mux.of(start, Const.of(Shape.u(32), 0), acc);
        Expr first = FpAdder.add(m, "add_e", previous, even, FloatLayout.FP32);
        Expr second = FpAdder.add(m, "add_o", first, odd, FloatLayout.FP32);
        m.when(en, s -> s.next(acc, second));
        m.drive(m.out("acc", Shape.u(32)), acc);
        return m.build();
    }
}
