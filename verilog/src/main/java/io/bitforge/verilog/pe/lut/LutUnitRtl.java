package io.bitforge.verilog.pe.lut;

import io.bitforge.core.arith.Bits;
import io.bitforge.core.arith.FloatLayout;
import io.bitforge.verilog.gen.fp.FpAdder;
import io.bitforge.verilog.gen.fp.FpConvert;
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
import io.bitforge.verilog.hdl.Wire;

import java.util.ArrayList;
import java.util.List;

/**
 * One output of a LUT tensor core with FP16 tables (LUT Tensor Core, Mo et al., arXiv 2408.06003), the datapath of
 * the functional model {@link io.bitforge.pe.lut.LutDatapath#dotFp16}, driven one operation per cycle:
 * <ul>
 *   <li>{@code op = LOAD}: table precompute with symmetrisation — entry {@code h} of the current group, Σ_j ±a_j with
 *       the sign of a_0 negative and of a_j given by bit j−1 of h (the 2^(g−1) entries with index bit 0 clear), one
 *       term per cycle ({@code term} = j) on one FP32 adder in j order, rounded once to FP16 (saturating) into the
 *       table registers with the last term; entry 0 is also kept per group for the offset pass;</li>
 *   <li>{@code op = PLANE}: bit-plane weight indexing — bit {@code plane} of the g weight codes forms the index, bits
 *       1..g−1 XORed with bit 0 (the offline reinterpretation), the entry {@code H[idx ≫ 1]} negated when bit 0 is
 *       set and scaled by 2^plane (an exponent increment), added to the FP16 accumulator in FP32 and rounded to FP16
 *       (saturating);</li>
 *   <li>{@code op = OFFSET}: entry 0 of group {@code grp} added the same way (the model adds each group's after
 *       its planes); {@code result} is the accumulator halved, in FP32.</li>
 * </ul>
 * Int2 and int4 weights take 2 and 4 planes; ternary weights are the 2-bit case (two passes).
 */
public final class LutUnitRtl {
    public static final int IDLE = 0;
    public static final int LOAD = 1;
    public static final int PLANE = 2;
    public static final int OFFSET = 3;

    private LutUnitRtl() {
    }

    public static ModuleDef build(int g, int weightBits, int maxGroups) {
        if (g < 2 || g > 6 || weightBits < 1 || weightBits > 8 || maxGroups < 1 || maxGroups > 64) {
            throw new IllegalArgumentException("LUT unit: g 2..6, 1..8 weight bits, 1..64 groups");
        }
        FloatLayout fp16 = FloatLayout.FP16;
        FloatLayout fp32 = FloatLayout.FP32;
        int entries = 1 << (g - 1);
        int entryBits = Math.max(1, Bits.ceilLog2(entries));
        int groupBits = Math.max(1, Bits.ceilLog2(maxGroups));
        ModuleBuilder m = ModuleBuilder.named("lut_unit_fp16_g" + g + "_w" + weightBits + "_grp" + maxGroups)
                .doc("LUT tensor core output: fp16 tables (symmetrised), bit-plane weights, fp16 accumulator");
        List<Port> a = new ArrayList<>();
        List<Port> w = new ArrayList<>();
        for (int j = 0; j < g; j++) {
            a.add(m.in("a_" + j, Shape.u(16)));
        }
        for (int j = 0; j < g; j++) {
            w.add(m.in("w_" + j, Shape.u(weightBits)));
        }
        Port op = m.in("op", Shape.u(2));
        Port entry = m.in("entry", Shape.u(entryBits));
        Port plane = m.in("plane", Shape.u(Math.max(1, Bits.ceilLog2(weightBits))));
        Port group = m.in("grp", Shape.u(groupBits));
        Port termPort = m.in("term", Shape.u(Math.max(1, Bits.ceilLog2(g))));
        Port clear = m.in("clr", Shape.bool());
        List<Reg> table = new ArrayList<>();
        for (int h = 0; h < entries; h++) {
            table.add(m.reg("table_" + h, Shape.u(16), 0));
        }
        List<Reg> offsets = new ArrayList<>();
        for (int q = 0; q < maxGroups; q++) {
            offsets.add(m.reg("h0_" + q, Shape.u(16), 0));
        }
        Reg acc = m.reg("acc_q", Shape.u(16), 0);
        Reg tableSum = m.reg("tsum_q", Shape.u(32), 0);

        // table entry `entry`, one term per cycle (`term` = j): +0, then ±a_j in j order, FP32 adds, one rounding
        // to FP16 when the last term is in
        Expr term = wire(m, "term_sel", termSelect(m, a, termPort, g));
        Expr wide = FpConvert.convert(m, "aw", term, fp16, fp32, false);
        Expr negative = Mux.of(termPort.eq(Const.of(termPort.shape(), 0)), Const.of(Shape.bool(), 1),
                entry.shr(termPort.minus(Const.of(Shape.u(1), 1)).truncate(termPort.width()).asUnsigned()).bit(0)
                        .not());
        Expr signed = wire(m, "as", Concat.of(List.of(wide.bit(31).xor(negative), wide.slice(30, 0))));
        Expr previous = Mux.of(termPort.eq(Const.of(termPort.shape(), 0)), Const.of(Shape.u(32), 0), tableSum);
        Expr sum = FpAdder.add(m, "tadd", previous, signed, fp32);
        Expr newEntry = FpConvert.convert(m, "tent", sum, fp32, fp16, true);
        Expr lastTerm = termPort.eq(Const.of(termPort.shape(), g - 1));

        // the plane's index from bit `plane` of each weight, reinterpreted, and the entry it selects
        List<Expr> indexBits = new ArrayList<>();
        for (int j = g - 1; j >= 0; j--) {
            indexBits.add(w.get(j).shr(plane).bit(0));
        }
        Expr index = wire(m, "index", Concat.of(indexBits));
        Expr flip = index.bit(0);
        Expr upper = wire(m, "upper", index.slice(g - 1, 1).xor(Mux.of(flip, Const.of(Shape.u(g - 1),
                (1L << (g - 1)) - 1), Const.of(Shape.u(g - 1), 0))));
        Expr selected = Const.of(Shape.u(16), 0);
        for (int h = entries - 1; h >= 0; h--) {
            selected = Mux.of(upper.eq(Const.of(Shape.u(g - 1), h)), table.get(h), selected);
        }
        Expr looked = wire(m, "looked", selected);
        Expr lookedWide = FpConvert.convert(m, "lw", looked, fp16, fp32, false);
        // ×2^plane: an exponent increment (exact for FP16 values in FP32); zero stays zero
        Expr zero = lookedWide.slice(30, 0).eq(Const.of(Shape.u(31), 0));
        Expr exponent = lookedWide.slice(30, 23).plus(plane).truncate(8);
        Expr scaled = wire(m, "scaled", Mux.of(zero, lookedWide, Concat.of(List.of(lookedWide.bit(31).xor(flip),
                exponent, lookedWide.slice(22, 0)))));
        Expr scaledSigned = Mux.of(zero, Concat.of(List.of(lookedWide.bit(31).xor(flip), lookedWide.slice(30, 0))),
                scaled);

        Expr offsetEntry = Const.of(Shape.u(16), 0);
        for (int q = maxGroups - 1; q >= 0; q--) {
            offsetEntry = Mux.of(group.eq(Const.of(group.shape(), q)), offsets.get(q), offsetEntry);
        }
        Expr offsetWide = FpConvert.convert(m, "ow", wire(m, "offset_entry", offsetEntry), fp16, fp32, false);
        Expr addend = Mux.of(op.eq(Const.of(Shape.u(2), PLANE)), scaledSigned, offsetWide);
        Expr accWide = FpConvert.convert(m, "accw", acc, fp16, fp32, false);
        Expr accSum = FpAdder.add(m, "aadd", accWide, wire(m, "addend", addend), fp32);
        Expr accNext = FpConvert.convert(m, "accn", accSum, fp32, fp16, true);

        Expr loading = op.eq(Const.of(Shape.u(2), LOAD));
        Expr accumulating = op.eq(Const.of(Shape.u(2), PLANE)).or(op.eq(Const.of(Shape.u(2), OFFSET)));
        m.when(loading, s -> s.next(tableSum, sum));
        for (int h = 0; h < entries; h++) {
            Reg t = table.get(h);
            m.when(loading.and(lastTerm).and(entry.eq(Const.of(entry.shape(), h))), s -> s.next(t, newEntry));
        }
        for (int q = 0; q < maxGroups; q++) {
            Reg o = offsets.get(q);
            m.when(loading.and(lastTerm).and(entry.eq(Const.of(entry.shape(), 0)))
                            .and(group.eq(Const.of(group.shape(), q))),
                    s -> s.next(o, newEntry));
        }
        m.when(clear, s -> s.next(acc, Const.of(Shape.u(16), 0))).elseWhen(accumulating, s -> s.next(acc, accNext));
        // the doubled sum halved: acc × 0.5 (FP16 0x3800) into FP32, exact
        Expr half = FpMultiplier.multiply(m, "half", acc, fp16, Const.of(Shape.u(16), 0x3800), fp16, fp32);
        m.drive(m.out("result", Shape.u(32)), half);
        return m.build();
    }

    /** The activation of term j. */
    private static Expr termSelect(ModuleBuilder m, List<Port> a, Expr term, int g) {
        Expr out = a.get(0);
        for (int j = 1; j < g; j++) {
            out = Mux.of(term.eq(Const.of(term.shape(), j)), a.get(j), out);
        }
        return out;
    }

    private static Wire wire(ModuleBuilder m, String name, Expr value) {
        Wire w = m.wire(name, value.shape());
        m.drive(w, value);
        return w;
    }
}
