package io.bitforge.verilog.pe.lut;

import io.bitforge.core.arith.FloatLayout;
import io.bitforge.verilog.gen.fp.FpAdder;
import io.bitforge.verilog.gen.fp.FpConvert;
import io.bitforge.verilog.hdl.Concat;
import io.bitforge.verilog.hdl.Const;
import io.bitforge.verilog.hdl.Expr;
import io.bitforge.verilog.hdl.ModuleBuilder;
import io.bitforge.verilog.hdl.Mux;
import io.bitforge.verilog.hdl.Port;
import io.bitforge.verilog.hdl.Shape;
import io.bitforge.verilog.hdl.Wire;
import io.bitforge.verilog.pe.EdgeDecoder;

import java.util.ArrayList;
import java.util.List;

/**
 * The LUT tensor core's table precompute at the activation edge of the array (LUT Tensor Core, Mo et al., arXiv
 * 2408.06003: tables built once per activation row and shared by every unit of the row), the tables of
 * {@link io.bitforge.pe.lut.LutDatapath#fp16Table}: for each of the step's {@code tileM} activation rows and each of
 * the 2^(g−1) symmetrised entries h, Σ_j ±a_j in FP32 in j order (a_0 negative, a_j positive when bit j−1 of h is
 * set), rounded once to FP16 (round to nearest even, saturating). Entries that share their first terms share the
 * partial sums (2^g − 2 FP32 adders per row; +0 − a_0 is −a_0 exactly, or +0 when a_0 is a zero).
 *
 * <p>Ports (an {@link EdgeDecoder} without a stage): {@code word} u(tileM·g·16), activation (m, j) in bits
 * {@code [(m·g + j)·16 +: 16]}; {@code operand} u(tileM·2^(g−1)·16), entry (m, h) in bits
 * {@code [(m·2^(g−1) + h)·16 +: 16]}.
 */
final class LutTableBuilder {
    private LutTableBuilder() {
    }

    static EdgeDecoder of(int g, int tileM) {
        FloatLayout fp16 = FloatLayout.FP16;
        FloatLayout fp32 = FloatLayout.FP32;
        int entries = 1 << (g - 1);
        ModuleBuilder m = ModuleBuilder.named("lut_tables_g" + g + "_m" + tileM)
                .doc("LUT tensor core table precompute: per activation row the " + entries + " symmetrised fp16 "
                        + "entries, fp32 sums in j order, one rounding");
        Port word = m.in("word", Shape.u(tileM * g * 16));
        List<Expr> packed = new ArrayList<>();
        for (int row = 0; row < tileM; row++) {
            List<Expr> a = new ArrayList<>();
            for (int j = 0; j < g; j++) {
                int lo = (row * g + j) * 16;
                a.add(FpConvert.convert(m, "a" + row + "_" + j, word.slice(lo + 15, lo), fp16, fp32, false));
            }
            // +0 + (−a_0): −a_0, except that a zero gives +0 (IEEE 754 §6.3)
            Expr a0 = a.get(0);
            Expr zero = a0.slice(30, 0).eq(Const.of(Shape.u(31), 0));
            List<Expr> prefixes = List.of(wire(m, "p" + row + "_0", Mux.of(zero, Const.of(Shape.u(32), 0),
                    negate(a0))));
            for (int j = 1; j < g; j++) {
                List<Expr> next = new ArrayList<>();
                for (int x = 0; x < 1 << j; x++) {
                    // x's bit j−1 is the sign of term j (set: +a_j), its lower bits name the prefix
                    Expr term = (x >>> (j - 1) & 1) == 1 ? a.get(j) : negate(a.get(j));
                    next.add(FpAdder.add(m, "t" + row + "_" + j + "_" + x, prefixes.get(x & ((1 << (j - 1)) - 1)),
                            wire(m, "s" + row + "_" + j + "_" + x, term), fp32));
                }
                prefixes = next;
            }
            for (int h = 0; h < entries; h++) {
                packed.add(0, FpConvert.convert(m, "e" + row + "_" + h, prefixes.get(h), fp32, fp16, true));
            }
        }
        m.drive(m.out("operand", Shape.u(tileM * entries * 16)), Concat.of(packed));
        return new EdgeDecoder(m.build(), 1, tileM * entries * 16, 0);
    }

    private static Expr negate(Expr fp32) {
        return Concat.of(List.of(fp32.bit(31).not(), fp32.slice(30, 0)));
    }

    private static Wire wire(ModuleBuilder m, String name, Expr value) {
        Wire w = m.wire(name, value.shape());
        m.drive(w, value);
        return w;
    }
}
