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
 * A combinational floating-point adder, round to nearest even: order the operands by magnitude, align the smaller
 * with {@link StickyShift} keeping three extra bits (guard, round, and the sticky bit jammed into the last), add or
 * subtract, then {@link FpRounder}. Three extra bits make one rounding of the aligned sum equal to rounding the exact
 * sum (Goldberg, "What every computer scientist should know about floating-point arithmetic", 1991, Theorem 2 and
 * the guard/round/sticky discussion). Reference: {@link io.bitforge.core.arith.FloatArith#add}.
 */
public final class FpAdder {
    private static final int EXTRA = 3;

    private FpAdder() {
    }

    /** A module {@code s = a + b}. */
    public static ModuleDef build(FloatLayout layout) {
        String tag = FpMultiplier.tag(layout);
        ModuleBuilder m = ModuleBuilder.named("fp_add_" + tag).doc("floating-point add, round to nearest even, " + tag);
        Port a = m.in("a", Shape.u(layout.bits()));
        Port b = m.in("b", Shape.u(layout.bits()));
        m.drive(m.out("s", Shape.u(layout.bits())), add(m, "add", a, b, layout));
        return m.build();
    }

    /** The sum as an expression inside {@code m}. */
    public static Expr add(ModuleBuilder m, String name, Expr a, Expr b, FloatLayout layout) {
        int mb = layout.mantissaBits();
        int e = layout.exponentBits();
        if (mb + 1 + EXTRA + 1 > 32) {
            throw new IllegalArgumentException("adder significands of at most 28 bits, got " + (mb + 1));
        }
        FpFields p = FpFields.of(m, name + "_a", a, layout);
        FpFields q = FpFields.of(m, name + "_b", b, layout);
        Expr swap = Named.wire(m, name + "_swap", q.magnitude().gt(p.magnitude()));
        Expr bigNeg = Named.wire(m, name + "_bneg", Mux.of(swap, q.negative(), p.negative()));
        Expr smallNeg = Mux.of(swap, p.negative(), q.negative());
        Expr bigExp = Named.wire(m, name + "_bexp", Mux.of(swap, q.biasedExponent(), p.biasedExponent()));
        Expr smallExp = Mux.of(swap, p.biasedExponent(), q.biasedExponent());
        Expr bigSig = Mux.of(swap, q.significand(), p.significand()).shl(EXTRA);
        Expr smallSig = Named.wire(m, name + "_ssig", Mux.of(swap, p.significand(), q.significand()).shl(EXTRA));
        Expr distance = Named.wire(m, name + "_dist", bigExp.minus(smallExp).truncate(e + 1).asUnsigned());
        Expr amount = Mux.of(distance.gt(Const.of(Shape.u(5), 31)), Const.of(Shape.u(5), 31), distance.truncate(5));
        StickyShift aligned = StickyShift.right(m, name + "_align", smallSig, Named.wire(m, name + "_amt", amount));
        Expr small = aligned.jammed();
        int w = mb + 1 + EXTRA + 1; // one more bit for the carry of a sum
        Expr sum = bigSig.plus(small).truncate(w);
        Expr difference = bigSig.minus(small).truncate(w).asUnsigned();
        Expr total = Named.wire(m, name + "_sum", Mux.of(bigNeg.eq(smallNeg), sum, difference));
        // exponent of the sum's last bit: bigExp − bias − m − EXTRA
        Expr exponent = Named.wire(m, name + "_exp", bigExp.plus(Const.of(Shape.s(16), -layout.bias() - mb - EXTRA)));
        Expr magnitude = FpRounder.roundMagnitude(m, name + "_rnd", total, exponent, Const.of(Shape.bool(), 0),
                layout);
        // an exact zero is +0 unless both operands are −0 (round to nearest, IEEE 754-2019 §6.3)
        Expr exactZero = total.eq(Const.of(Shape.u(w), 0));
        Expr sign = Mux.of(exactZero, p.negative().and(q.negative()), bigNeg);
        Expr finite = Concat.of(List.of(sign, magnitude));
        Expr nan = p.isNan().or(q.isNan()).or(p.isInfinity().and(q.isInfinity()).and(p.negative().ne(q.negative())));
        Expr infinity = Concat.of(List.of(Mux.of(p.isInfinity(), p.negative(), q.negative()),
                Const.of(Shape.u(layout.bits() - 1), layout.infinityCode())));
        Expr special = Mux.of(p.isInfinity().or(q.isInfinity()), infinity, finite);
        return Named.wire(m, name + "_out", Mux.of(nan, Const.of(Shape.u(layout.bits()), layout.quietNanCode()),
                special));
    }
}
