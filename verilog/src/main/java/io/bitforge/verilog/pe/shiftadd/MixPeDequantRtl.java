package io.bitforge.verilog.pe.shiftadd;

import io.bitforge.core.arith.FloatLayout;
import io.bitforge.verilog.gen.fp.FpAdder;
import io.bitforge.verilog.gen.fp.FpIntProduct;
import io.bitforge.verilog.gen.fp.FpMultiplier;
import io.bitforge.verilog.hdl.Concat;
import io.bitforge.verilog.hdl.Const;
import io.bitforge.verilog.hdl.Expr;
import io.bitforge.verilog.hdl.ModuleBuilder;
import io.bitforge.verilog.hdl.ModuleDef;
import io.bitforge.verilog.hdl.Mux;
import io.bitforge.verilog.hdl.Port;
import io.bitforge.verilog.hdl.Reg;
import io.bitforge.verilog.hdl.Shape;

import java.util.List;

/**
 * MixPE's group dequantisers in RTL (Zhang et al., arXiv 2411.16158), one group per enabled cycle: W4A8
 * ({@link #build}) and W4A16 ({@link #buildFp32Sums}), as the functional model
 * {@link io.bitforge.pe.shiftadd.MixPeDatapath} does it: y = Σ_g s_g·(P_g − z_g·S_g) in FP32,
 * groups in K order, y from +0, round to nearest even after every FP32 operation.
 *
 * <p><b>Why t is an integer here.</b> The model forms t = (float) P − z·(float) S in FP32. With INT8 activations, a
 * b-bit integer weight and an integer zero point (the quantiser rounds integer formats' zero points to the grid,
 * {@code ElementGroupQuantizer}), P, S, z·S and P − z·S are integers below 2^24 in magnitude whenever
 * {@link #differenceBits} ≤ 24 (here at most {@link #MAX_DIFFERENCE_BITS}), so every FP32 operation forming t is
 * exact and t equals the integer difference computed here in two's complement. The two roundings that remain are the model's: s·t (the FP16 scale times t, the
 * exact product rounded once to FP32, {@link FpIntProduct}) and y + s·t ({@link FpAdder}), both round to nearest
 * even as {@link io.bitforge.core.arith.FloatArith} (the shared reference) and Java {@code float} arithmetic.
 *
 * <p>Ports: {@code en} (take one group), {@code first} (the group is an output's first: y restarts from +0),
 * {@code psum} s(sumBits) the group's integer sum P, {@code asum} s(activationSumBits) the group's Σa,
 * {@code zero} s(zeroBits) the zero point, {@code scale} the FP16 scale code; {@code y} the FP32 output pattern
 * after the last group taken (registered).
 */
public final class MixPeDequantRtl {
    /** The widest t whose product with an FP16 significand the shared rounder takes (11 + 21 = 32 bits). */
    public static final int MAX_DIFFERENCE_BITS = 21;

    private MixPeDequantRtl() {
    }

    /** Width of t = P − z·S: one more than the wider of P and z·S. */
    public static int differenceBits(int sumBits, int activationSumBits, int zeroBits) {
        return Math.max(sumBits, activationSumBits + zeroBits) + 1;
    }

    public static ModuleDef build(int sumBits, int activationSumBits, int zeroBits) {
        int tBits = checkedDifferenceBits(sumBits, activationSumBits, zeroBits);
        ModuleBuilder m = ModuleBuilder.named("mixpe_dequant_p" + sumBits + "_s" + activationSumBits + "_z" + zeroBits)
                .doc("MixPE group dequantiser: y += fp16 scale x (P - z*S), fp32, one group per cycle");
        Port en = m.in("en", Shape.bool());
        Port first = m.in("first", Shape.bool());
        Port psum = m.in("psum", Shape.s(sumBits));
        Port asum = m.in("asum", Shape.s(activationSumBits));
        Port zero = m.in("zero", Shape.s(zeroBits));
        Port scale = m.in("scale", Shape.u(16));
        Reg y = m.reg("y_q", Shape.u(32), 0);
        Expr previous = Mux.of(first, Const.of(Shape.u(32), 0), y);
        m.next(y, step(m, previous, psum, asum, zero, scale, tBits), en);
        m.drive(m.out("y", Shape.u(32)), y);
        return m.build();
    }

    /**
     * The same group step without its y register, for an array's column edge (which keeps one y per row in flight):
     * combinational, ports {@code y_in} u32 (the output so far, +0 for an output's first group), {@code psum},
     * {@code asum}, {@code zero}, {@code scale} as {@link #build}, and {@code y_out} u32 = y_in + s·(P − z·S).
     */
    public static ModuleDef buildStep(int sumBits, int activationSumBits, int zeroBits) {
        int tBits = checkedDifferenceBits(sumBits, activationSumBits, zeroBits);
        ModuleBuilder m = ModuleBuilder.named("mixpe_dequant_step_p" + sumBits + "_s" + activationSumBits + "_z"
                        + zeroBits)
                .doc("MixPE group dequantisation step: y_out = y_in + fp16 scale x (P - z*S), fp32, combinational");
        Port yIn = m.in("y_in", Shape.u(32));
        Port psum = m.in("psum", Shape.s(sumBits));
        Port asum = m.in("asum", Shape.s(activationSumBits));
        Port zero = m.in("zero", Shape.s(zeroBits));
        Port scale = m.in("scale", Shape.u(16));
        m.drive(m.out("y_out", Shape.u(32)), step(m, yIn, psum, asum, zero, scale, tBits));
        return m.build();
    }

    /** y + s·(P − z·S): t exact in two's complement, s·t rounded once to FP32, the add rounded once. */
    private static Expr step(ModuleBuilder m, Expr previous, Expr psum, Expr asum, Expr zero, Expr scale, int tBits) {
        // exact: one bit wider than either operand of the subtraction
        Expr difference = psum.minus(zero.times(asum));
        Expr scaled = FpIntProduct.of(m, "st", scale, difference, Const.of(Shape.u(1), 0), tBits);
        return FpAdder.add(m, "yadd", previous, scaled, FloatLayout.FP32);
    }

    private static int checkedDifferenceBits(int sumBits, int activationSumBits, int zeroBits) {
        int tBits = differenceBits(sumBits, activationSumBits, zeroBits);
        if (tBits > MAX_DIFFERENCE_BITS) {
            throw new IllegalArgumentException("the MixPE dequantiser takes P − z·S of at most "
                    + MAX_DIFFERENCE_BITS + " bits, got " + tBits + " (P " + sumBits + ", S " + activationSumBits
                    + ", z " + zeroBits + " bits)");
        }
        return tBits;
    }

    /**
     * The W4A16 dequantiser ({@link io.bitforge.pe.shiftadd.MixPeDatapath#w4a16}): the group sums are FP32, so every
     * step rounds as the model's {@code float} arithmetic does: z·S (FP32 × FP32, {@link FpMultiplier}), t = P − z·S
     * ({@link FpAdder} with z·S's sign flipped: a − b = a + (−b) in IEEE 754), s·t (FP16 × FP32 → FP32) and
     * y + s·t, each rounded to nearest even. Ports as {@link #build}, with {@code psum}, {@code asum} and
     * {@code zero} FP32 codes (the zero point as the model's {@code (float)} of it).
     */
    public static ModuleDef buildFp32Sums() {
        ModuleBuilder m = ModuleBuilder.named("mixpe_dequant_fp32")
                .doc("MixPE W4A16 group dequantiser: y += fp16 scale x (P - z*S), fp32 throughout, one group per cycle");
        Port en = m.in("en", Shape.bool());
        Port first = m.in("first", Shape.bool());
        Port psum = m.in("psum", Shape.u(32));
        Port asum = m.in("asum", Shape.u(32));
        Port zero = m.in("zero", Shape.u(32));
        Port scale = m.in("scale", Shape.u(16));
        Reg y = m.reg("y_q", Shape.u(32), 0);
        Expr previous = Mux.of(first, Const.of(Shape.u(32), 0), y);
        m.next(y, fp32Step(m, previous, psum, asum, zero, scale), en);
        m.drive(m.out("y", Shape.u(32)), y);
        return m.build();
    }

    /**
     * The W4A16 step without its y register, for an array's column edge: ports as {@link #buildStep} with
     * {@code psum}, {@code asum} and {@code zero} FP32 codes (u32), each operation rounded as {@link #buildFp32Sums}.
     */
    public static ModuleDef buildFp32Step() {
        ModuleBuilder m = ModuleBuilder.named("mixpe_dequant_step_fp32")
                .doc("MixPE W4A16 group dequantisation step: y_out = y_in + fp16 scale x (P - z*S), fp32, "
                        + "combinational");
        Port yIn = m.in("y_in", Shape.u(32));
        Port psum = m.in("psum", Shape.u(32));
        Port asum = m.in("asum", Shape.u(32));
        Port zero = m.in("zero", Shape.u(32));
        Port scale = m.in("scale", Shape.u(16));
        m.drive(m.out("y_out", Shape.u(32)), fp32Step(m, yIn, psum, asum, zero, scale));
        return m.build();
    }

    /** y + s·(P − z·S) with FP32 sums: z·S, P − z·S, s·t and the add each rounded to nearest even. */
    private static Expr fp32Step(ModuleBuilder m, Expr previous, Expr psum, Expr asum, Expr zero, Expr scale) {
        FloatLayout fp32 = FloatLayout.FP32;
        Expr zs = FpMultiplier.multiply(m, "zs", zero, fp32, asum, fp32, fp32);
        Expr negated = Concat.of(List.of(zs.bit(31).not(), zs.slice(30, 0)));
        Expr difference = FpAdder.add(m, "t", psum, negated, fp32);
        Expr scaled = FpMultiplier.multiply(m, "st", scale, FloatLayout.FP16, difference, fp32, fp32);
        return FpAdder.add(m, "yadd", previous, scaled, fp32);
    }
}
