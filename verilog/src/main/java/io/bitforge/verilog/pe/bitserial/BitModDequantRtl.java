package io.bitforge.verilog.pe.bitserial;

import io.bitforge.core.arith.FloatLayout;
import io.bitforge.verilog.gen.fp.FpAdder;
import io.bitforge.verilog.gen.fp.FpFields;
import io.bitforge.verilog.gen.fp.WideRounder;
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
 * BitMoD's group dequantiser in RTL (Chen et al., HPCA 2025), one group per enabled cycle, as the functional model
 * {@code BitSerialPe} does it: the group's exact partial sum (an integer in units of 2^-(fractionBits + unitShift),
 * the term engine's accumulator) times the group's FP16 scale, rounded <b>once</b> to FP32 (nearest, ties to even),
 * then added to the FP32 output accumulator in K order from +0 ({@link FpAdder}, one rounding per group).
 *
 * <p>The product |partial| · significand(scale) is up to 64 + 11 bits, rounded by {@link WideRounder} (normalise,
 * keep 32 bits, jam the rest into the sticky bit), which rounds exactly as rounding the whole product would. A zero partial gives +0 whatever the scale's sign (the model's
 * exact product is a {@code BigDecimal}, which has no −0); a nonzero product that underflows keeps its sign. Scales
 * are finite FP16 values (BitMoD stores FP16 scales); the model takes any double, so the ladder draws FP16 scales.
 *
 * <p>Ports: {@code en}, {@code first} (the output's first group: y restarts from +0), {@code partial}
 * s(partialBits), {@code unit_shift} u3 (the group's type's grid shift; a mixture's types differ), {@code scale} the
 * FP16 code; {@code y} the FP32 output pattern after the last group taken (registered).
 */
public final class BitModDequantRtl {
    private BitModDequantRtl() {
    }

    /** {@code fractionBits}: 24 for FP16 activations (aligned in units of 2^-24), 0 for integer ones. */
    public static ModuleDef build(int partialBits, int fractionBits) {
        ModuleBuilder m = ModuleBuilder.named("bitmod_dequant_p" + partialBits + "_f" + fractionBits)
                .doc("BitMoD group dequantiser: y += round_fp32(partial x fp16 scale x 2^-(" + fractionBits
                        + " + unit shift)), one group per cycle");
        Port en = m.in("en", Shape.bool());
        Port first = m.in("first", Shape.bool());
        Port partial = m.in("partial", Shape.s(partialBits));
        Port unitShift = m.in("unit_shift", Shape.u(3));
        Port scale = m.in("scale", Shape.u(16));
        Expr scaled = scaled(m, partial, unitShift, scale, fractionBits);
        Reg y = m.reg("y_q", Shape.u(32), 0);
        Expr previous = Mux.of(first, Const.of(Shape.u(32), 0), y);
        m.next(y, FpAdder.add(m, "yadd", previous, scaled, FloatLayout.FP32), en);
        m.drive(m.out("y", Shape.u(32)), y);
        return m.build();
    }

    /**
     * The same arithmetic as one combinational step, for the per-column dequantisers at an array's edge
     * ({@code GroupDequantiser}): ports {@code y_in} u32 (+0 for an output's first group), {@code psum}
     * s(partialBits) (the cell's accumulator), {@code unit_shift} u3, {@code scale} u16 (FP16 code) and
     * {@code y_out} u32 = y_in + round_fp32(psum · scale · 2^-(fractionBits + unit shift)), rounded again to FP32.
     */
    public static ModuleDef buildStep(int partialBits, int fractionBits) {
        ModuleBuilder m = ModuleBuilder.named("bitmod_dequant_step_p" + partialBits + "_f" + fractionBits)
                .doc("BitMoD group dequantiser step: y_out = y_in + round_fp32(psum x fp16 scale x 2^-("
                        + fractionBits + " + unit shift))");
        Port yIn = m.in("y_in", Shape.u(32));
        Port partial = m.in("psum", Shape.s(partialBits));
        Port unitShift = m.in("unit_shift", Shape.u(3));
        Port scale = m.in("scale", Shape.u(16));
        Expr scaled = scaled(m, partial, unitShift, scale, fractionBits);
        m.drive(m.out("y_out", Shape.u(32)), FpAdder.add(m, "yadd", yIn, scaled, FloatLayout.FP32));
        return m.build();
    }

    /** partial · scale · 2^-(fractionBits + unitShift) rounded once to FP32; a zero partial gives +0. */
    private static Expr scaled(ModuleBuilder m, Expr partial, Expr unitShift, Expr scale, int fractionBits) {
        int partialBits = partial.width();
        FpFields s = FpFields.of(m, "scale", scale, FloatLayout.FP16);
        Expr negativePartial = partial.lt(Const.of(Shape.s(2), 0));
        Expr magnitude = Mux.of(negativePartial, partial.neg(), partial.resize(Shape.s(partialBits + 1)))
                .truncate(partialBits).asUnsigned();
        Expr product = named(m, "product", magnitude.times(s.significand()));
        // value = product · 2^(e_s − 15 − 10 − fraction − unitShift)
        Expr exponent = named(m, "exponent", s.biasedExponent().plus(Const.of(Shape.s(16), -15 - 10 - fractionBits))
                .minus(unitShift).asSigned());
        Expr rounded = WideRounder.roundMagnitude(m, "rnd", product, exponent, FloatLayout.FP32);
        Expr zero = product.eq(Const.of(Shape.u(1), 0));
        Expr negative = negativePartial.xor(s.negative()).and(zero.not());
        return named(m, "scaled", Concat.of(List.of(negative, rounded)));
    }

    /** A wire carrying {@code value}, so the emitted Verilog names it once. */
    private static Expr named(ModuleBuilder m, String name, Expr value) {
        Wire w = m.wire(name, value.shape());
        m.drive(w, value);
        return w;
    }
}
