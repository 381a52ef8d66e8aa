package io.bitforge.verilog.pe.ovp;

import io.bitforge.core.format.OvpFormat;
import io.bitforge.verilog.hdl.Concat;
import io.bitforge.verilog.hdl.Expr;
import io.bitforge.verilog.hdl.ModuleBuilder;
import io.bitforge.verilog.hdl.Mux;
import io.bitforge.verilog.hdl.Port;
import io.bitforge.verilog.hdl.Shape;
import io.bitforge.verilog.pe.EdgeDecoder;

import java.util.List;

/**
 * OliVe's pair decoder at one array edge ({@link OvpPairDecoderRtl}, the rules of
 * {@link io.bitforge.pe.ovp.OvpDecoder}): the buffer word is one pair code (even element in the low b bits), the
 * {@code slot} bit picks which decoded element this step feeds. The operand the cells receive packs the decoded
 * element as {@code {shift u(3), integer s(b)}}; {@link #operand} unpacks it in a cell.
 */
public final class OvpEdgeDecoder {
    private OvpEdgeDecoder() {
    }

    /** The decoder for pairs of {@code normal}. */
    public static EdgeDecoder of(OvpFormat.Normal normal) {
        int b = normal.bits();
        ModuleBuilder m = ModuleBuilder.named("ovp_edge_decoder_" + OvpDotRtl.tag(normal))
                .doc("OliVe pair decoder at the array edge, " + normal.id() + ": pair code in, slot 0 (even) or 1 "
                        + "(odd) out as {shift, integer}");
        Port word = m.in("word", Shape.u(2 * b));
        Port slot = m.in("slot", Shape.u(1));
        OvpPairDecoderRtl.Decoded d = OvpPairDecoderRtl.decode(m, "dec", word, normal);
        Expr integer = Mux.of(slot, d.odd().integer(), d.even().integer());
        Expr shift = Mux.of(slot, d.odd().exponent(), d.even().exponent());
        int bits = operandBits(normal);
        m.drive(m.out("operand", Shape.u(bits)), Concat.of(List.of(shift, integer)));
        return new EdgeDecoder(m.build(), 2, bits);
    }

    /** Width of a decoded element on the cell ports: b integer bits and a 3-bit shift. */
    public static int operandBits(OvpFormat.Normal normal) {
        return normal.bits() + OvpPairDecoderRtl.EXPONENT_BITS;
    }

    /** The decoded element a cell port carries. */
    static OvpOperand operand(Expr port, OvpFormat.Normal normal) {
        int b = normal.bits();
        return new OvpOperand(port.slice(b - 1, 0).asSigned(),
                port.slice(b + OvpPairDecoderRtl.EXPONENT_BITS - 1, b));
    }
}
