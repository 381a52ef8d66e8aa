package io.bitforge.verilog.pe.ovp;

import io.bitforge.core.format.OvpFormat;
import io.bitforge.verilog.hdl.Const;
import io.bitforge.verilog.hdl.Expr;
import io.bitforge.verilog.hdl.ModuleBuilder;
import io.bitforge.verilog.hdl.ModuleDef;
import io.bitforge.verilog.hdl.Mux;
import io.bitforge.verilog.hdl.Port;
import io.bitforge.verilog.hdl.Reg;
import io.bitforge.verilog.hdl.Shape;

/**
 * OliVe's W4A4 (or W8A8) multiply-and-shift datapath for one output: each cycle one activation pair code and one
 * weight pair code go through {@link OvpPairDecoderRtl}; the even and the odd slots each multiply their integers on
 * a b-bit signed multiplier and shift the product left by the summed exponents; both products join a
 * two's-complement accumulator ({@code start} restarts it). The functional model is
 * {@link io.bitforge.pe.ovp.OvpW4a4Tile#accumulate}.
 */
public final class OvpDotRtl {
    private OvpDotRtl() {
    }

    /** The module; {@code accumulatorBits} as the model's {@code accumulatorBits(K)} for the longest K run. */
    public static ModuleDef build(OvpFormat.Normal activations, OvpFormat.Normal weights, int accumulatorBits) {
        ModuleBuilder m = ModuleBuilder.named("ovp_dot_a" + tag(activations) + "_w" + tag(weights) + "_acc"
                + accumulatorBits).doc("OliVe multiply-and-shift dot product, " + activations.id() + " activations x "
                + weights.id() + " weights, s" + accumulatorBits + " accumulator");
        Port aPair = m.in("a_pair", Shape.u(2 * activations.bits()));
        Port wPair = m.in("w_pair", Shape.u(2 * weights.bits()));
        Port en = m.in("en", Shape.bool());
        Port start = m.in("start", Shape.bool());
        OvpPairDecoderRtl.Decoded a = OvpPairDecoderRtl.decode(m, "da", aPair, activations);
        OvpPairDecoderRtl.Decoded w = OvpPairDecoderRtl.decode(m, "dw", wPair, weights);
        Expr even = product(a.even(), w.even());
        Expr odd = product(a.odd(), w.odd());
        Reg acc = m.reg("acc_q", Shape.s(accumulatorBits), 0);
        Expr previous = Mux.of(start, Const.of(Shape.s(accumulatorBits), 0), acc);
        m.when(en, s -> s.next(acc, previous.plus(even).plus(odd).truncate(accumulatorBits)));
        m.drive(m.out("acc", Shape.s(accumulatorBits)), acc);
        return m.build();
    }

    /** integer × integer on the narrow multiplier, then the shift by the summed exponents. */
    static Expr product(OvpOperand a, OvpOperand w) {
        Expr shift = a.exponent().plus(w.exponent());
        return a.integer().times(w.integer()).shl(shift);
    }

    static String tag(OvpFormat.Normal n) {
        return n.id().replace("ovp-", "");
    }
}
