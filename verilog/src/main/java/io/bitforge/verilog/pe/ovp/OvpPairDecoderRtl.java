package io.bitforge.verilog.pe.ovp;

import io.bitforge.core.format.OvpFormat;
import io.bitforge.verilog.hdl.Concat;
import io.bitforge.verilog.hdl.Const;
import io.bitforge.verilog.hdl.Expr;
import io.bitforge.verilog.hdl.ModuleBuilder;
import io.bitforge.verilog.hdl.ModuleDef;
import io.bitforge.verilog.hdl.Mux;
import io.bitforge.verilog.hdl.Port;
import io.bitforge.verilog.hdl.Shape;
import io.bitforge.verilog.hdl.Wire;

import java.util.List;

/**
 * OliVe's pair decoder in hardware (Guo et al., ISCA 2023, §5), the same rules as the functional model
 * {@link io.bitforge.pe.ovp.OvpDecoder}: a slot holding the victim marker {@code 1 0…0} decodes to zero and makes the
 * other slot an abfloat outlier (integer {@code 1j}, shift {@code 5 + e − (b−3) − u}); otherwise both slots are
 * normals (sign-magnitude integers, or signed flint4 magnitudes decoded by their leading ones as ANT does); a marker
 * beside magnitude 0 is reserved and decodes to zeros. Integers leave as s(b), shifts as u(3).
 */
public final class OvpPairDecoderRtl {
    /** Width of a decoded shift: at most 6 (a flint4 outlier, 3 + 3). */
    public static final int EXPONENT_BITS = 3;

    private OvpPairDecoderRtl() {
    }

    /** Both slots of a pair and whether the pair code is reserved. */
    public record Decoded(OvpOperand even, OvpOperand odd, Expr reserved) {
    }

    /** A module: {@code pair} in; {@code even_int, even_exp, odd_int, odd_exp, reserved} out. */
    public static ModuleDef build(OvpFormat.Normal normal) {
        ModuleBuilder m = ModuleBuilder.named("ovp_pair_decoder_" + normal.id().replace("ovp-", ""))
                .doc("OliVe outlier-victim pair decoder, " + normal.id());
        Port pair = m.in("pair", Shape.u(2 * normal.bits()));
        Decoded d = decode(m, "dec", pair, normal);
        drive(m, "even", d.even(), normal);
        drive(m, "odd", d.odd(), normal);
        m.drive(m.out("reserved", Shape.bool()), d.reserved());
        return m.build();
    }

    private static void drive(ModuleBuilder m, String slot, OvpOperand o, OvpFormat.Normal normal) {
        m.drive(m.out(slot + "_int", Shape.s(normal.bits())), o.integer());
        m.drive(m.out(slot + "_exp", Shape.u(EXPONENT_BITS)), o.exponent());
    }

    /** The decoder as expressions inside {@code m}. */
    public static Decoded decode(ModuleBuilder m, String name, Expr pair, OvpFormat.Normal normal) {
        int b = normal.bits();
        Expr even = wire(m, name + "_ec", pair.slice(b - 1, 0));
        Expr odd = wire(m, name + "_oc", pair.slice(2 * b - 1, b));
        Const marker = Const.of(Shape.u(b), 1L << (b - 1));
        Expr evenIsMarker = wire(m, name + "_evm", even.eq(marker));
        Expr oddIsMarker = wire(m, name + "_odm", odd.eq(marker));
        Expr evenMagZero = even.slice(b - 2, 0).eq(Const.of(Shape.u(b - 1), 0));
        Expr oddMagZero = odd.slice(b - 2, 0).eq(Const.of(Shape.u(b - 1), 0));
        Expr reserved = wire(m, name + "_res", evenIsMarker.and(oddMagZero).or(oddIsMarker.and(evenMagZero)));
        OvpOperand evenNormal = normal(m, name + "_en", even, normal);
        OvpOperand oddNormal = normal(m, name + "_on", odd, normal);
        OvpOperand evenOutlier = outlier(m, name + "_eo", even, normal);
        OvpOperand oddOutlier = outlier(m, name + "_oo", odd, normal);
        OvpOperand zero = new OvpOperand(Const.of(Shape.s(b), 0), Const.of(Shape.u(EXPONENT_BITS), 0));
        // even slot: zero when it is the victim or the pair is reserved; an outlier when the odd slot is the victim
        OvpOperand evenOut = select(reserved.or(evenIsMarker), zero, select(oddIsMarker, evenOutlier, evenNormal));
        OvpOperand oddOut = select(reserved.or(oddIsMarker), zero, select(evenIsMarker, oddOutlier, oddNormal));
        return new Decoded(named(m, name + "_even", evenOut), named(m, name + "_odd", oddOut), reserved);
    }

    /** A normal element: sign-magnitude integer, or signed flint4 (sign + 3-bit unsigned flint). */
    static OvpOperand normal(ModuleBuilder m, String name, Expr code, OvpFormat.Normal normal) {
        int b = normal.bits();
        Expr negative = code.bit(b - 1);
        Expr magnitude;
        Expr exponent;
        if (normal == OvpFormat.Normal.FLINT4) {
            // 0xy: integer xy, shift 0; 10y: integer 1y, shift 1; 110: 1 << 3; 111: 1 << 4 (ANT's leading-ones rule)
            Expr c2 = code.bit(2);
            Expr c1 = code.bit(1);
            Expr c0 = code.bit(0);
            Shape u3 = Shape.u(EXPONENT_BITS);
            Expr small = Concat.of(List.of(c1, c0));
            Expr tenY = Concat.of(List.of(Const.of(Shape.bool(), 1), c0));
            magnitude = Mux.of(c2.not(), small, Mux.of(c1.not(), tenY, Const.of(Shape.u(2), 1)));
            exponent = Mux.of(c2.not(), Const.of(u3, 0), Mux.of(c1.not(), Const.of(u3, 1),
                    Mux.of(c0, Const.of(u3, 4), Const.of(u3, 3))));
        } else {
            magnitude = code.slice(b - 2, 0);
            exponent = Const.of(Shape.u(EXPONENT_BITS), 0);
        }
        return signed(m, name, negative, magnitude, exponent, b);
    }

    /** An abfloat outlier: sign, 2-bit exponent e, (b−3)-bit mantissa j: integer 1j, shift 5 + e − (b−3) − u. */
    static OvpOperand outlier(ModuleBuilder m, String name, Expr code, OvpFormat.Normal normal) {
        int b = normal.bits();
        int mantissaBits = b - 3;
        Expr integer = Concat.of(List.of(Const.of(Shape.bool(), 1), code.slice(mantissaBits - 1, 0)));
        int base = 5 - mantissaBits - unitExponent(normal);
        Expr exponent = code.slice(mantissaBits + 1, mantissaBits).plusWrapped(Const.of(Shape.u(EXPONENT_BITS), base));
        return signed(m, name, code.bit(b - 1), integer, exponent, b);
    }

    /** Same units as {@code OvpDecoder.unitExponent}: the quantiser maps the normal range's end to 32. */
    private static int unitExponent(OvpFormat.Normal normal) {
        return switch (normal) {
            case INT4 -> 2;
            case FLINT4 -> 1;
            case INT8 -> -2;
        };
    }

    private static OvpOperand signed(ModuleBuilder m, String name, Expr negative, Expr magnitude, Expr exponent,
                                     int b) {
        Expr positive = magnitude.resize(Shape.s(b));
        // −x as ~x + 1 in b bits: no carry bit to leave unread
        Expr value = Mux.of(negative, positive.not().plusWrapped(Const.of(Shape.s(b), 1)), positive);
        return new OvpOperand(wire(m, name + "_int", value), wire(m, name + "_exp", exponent));
    }

    private static OvpOperand select(Expr condition, OvpOperand whenTrue, OvpOperand whenFalse) {
        return new OvpOperand(Mux.of(condition, whenTrue.integer(), whenFalse.integer()),
                Mux.of(condition, whenTrue.exponent(), whenFalse.exponent()));
    }

    private static OvpOperand named(ModuleBuilder m, String name, OvpOperand o) {
        return new OvpOperand(wire(m, name + "_int", o.integer()), wire(m, name + "_exp", o.exponent()));
    }

    private static Wire wire(ModuleBuilder m, String name, Expr value) {
        Wire w = m.wire(name, value.shape());
        m.drive(w, value);
        return w;
    }
}
