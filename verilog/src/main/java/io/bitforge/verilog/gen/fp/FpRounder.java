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
 * Normalise-and-round in hardware: {@code ±significand × 2^exponent} (plus a sticky remainder) to an IEEE code,
 * round to nearest, ties to even, the same rule as {@link io.bitforge.core.arith.FloatRounding#round}. Steps: count
 * leading zeros and shift the leading 1 to the top; below the smallest normal shift right again (subnormal) keeping
 * a sticky bit; keep m mantissa bits; round up when the guard bit is set and the sticky bits or the last kept bit are
 * (IEEE 754-2019 §4.3.1); add the round-up to the concatenated {exponent, mantissa} so that a carry moves to the
 * next binade, from subnormal to normal, or to infinity; a biased exponent beyond the largest gives infinity.
 */
public final class FpRounder {
    private FpRounder() {
    }

    /**
     * The magnitude code (without sign) of {@code significand × 2^exponent}; a zero significand gives 0.
     *
     * @param significand unsigned, {@code m + 3 .. 32} bits
     * @param exponent    signed exponent of the significand's last bit
     * @param sticky      1 when nonzero bits lie below the significand
     */
    public static Expr roundMagnitude(ModuleBuilder m, String name, Expr significand, Expr exponent, Expr sticky,
                                      FloatLayout out) {
        return roundMagnitude(m, name, significand, exponent, sticky, out, false);
    }

    /**
     * As above; with {@code saturate} a result beyond the largest finite value becomes ±max instead of infinity
     * (BitForge's FP16 format saturates, {@link io.bitforge.core.format.Overflow#SATURATE}).
     */
    public static Expr roundMagnitude(ModuleBuilder m, String name, Expr significand, Expr exponent, Expr sticky,
                                      FloatLayout out, boolean saturate) {
        int w = significand.width();
        int mb = out.mantissaBits();
        int e = out.exponentBits();
        if (w < mb + 3 || w > 32 || significand.shape().signed() || !exponent.shape().signed()) {
            throw new IllegalArgumentException("rounder takes an unsigned significand of " + (mb + 3) + "..32 bits "
                    + "and a signed exponent, got " + significand.shape() + " and " + exponent.shape());
        }
        Expr lz = Named.wire(m, name + "_lz", LeadingZeros.count(significand));
        Expr normal = Named.wire(m, name + "_norm", significand.shl(lz).truncate(w));
        // biased exponent of the leading 1: exponent + (w − 1) − lz + bias
        Expr biased = Named.wire(m, name + "_be", exponent.plus(Const.of(Shape.s(16), w - 1 + out.bias()))
                .minus(lz));
        Expr belowNormal = Named.wire(m, name + "_sub", biased.lt(Const.of(Shape.s(2), 1)));
        // subnormal: shift right by 1 − biased more, at most 31 (everything below the guard bit then)
        Expr extra = Const.of(Shape.s(2), 1).minus(biased);
        Expr clamped = Mux.of(extra.gt(Const.of(Shape.u(6), 31)), Const.of(Shape.u(5), 31),
                extra.truncate(5).asUnsigned());
        Expr amount = Named.wire(m, name + "_den", Mux.of(belowNormal, clamped, Const.of(Shape.u(5), 0)));
        StickyShift shifted = StickyShift.right(m, name + "_dsh", normal, amount);
        Expr kept = shifted.value();
        Expr mantissa = kept.slice(w - 2, w - 1 - mb);
        Expr guard = kept.bit(w - 2 - mb);
        Expr below = w - 3 - mb >= 0 ? kept.slice(w - 3 - mb, 0).anyBit() : Const.of(Shape.bool(), 0);
        Expr anySticky = below.or(shifted.sticky()).or(sticky);
        Expr roundUp = Named.wire(m, name + "_up", guard.and(anySticky.or(mantissa.bit(0))));
        // the hidden bit's position after the subnormal shift: 1 for a normal result, 0 for a subnormal (and for
        // a zero significand, whose result the zero check below replaces), so it selects the exponent field
        Expr hidden = kept.bit(w - 1);
        Expr exponentField = Mux.of(hidden, biased.truncate(e).asUnsigned(), Const.of(Shape.u(e), 0));
        Expr body = Named.wire(m, name + "_body", Concat.of(List.of(exponentField, mantissa))
                .plus(roundUp.resize(Shape.u(e + mb))).truncate(e + mb));
        Expr overflow = biased.ge(Const.of(Shape.s(e + 2), (1L << e) - 1));
        Expr infinity = Const.of(Shape.u(e + mb), saturate ? out.maxFiniteCode() : out.infinityCode());
        if (saturate) { // a rounding carry into the all-ones exponent is an overflow too
            overflow = overflow.or(body.ge(Const.of(Shape.u(e + mb), out.infinityCode())));
        }
        Expr zero = significand.eq(Const.of(Shape.u(w), 0));
        return Named.wire(m, name + "_mag", Mux.of(zero, Const.of(Shape.u(e + mb), 0),
                Mux.of(overflow, infinity, body)));
    }
}
