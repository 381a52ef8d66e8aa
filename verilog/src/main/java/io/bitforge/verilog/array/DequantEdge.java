package io.bitforge.verilog.array;

import static io.bitforge.verilog.array.ArrayRegs.counter;
import static io.bitforge.verilog.array.ArrayRegs.one;

import io.bitforge.core.arith.Bits;
import io.bitforge.core.arith.FloatLayout;
import io.bitforge.verilog.gen.fp.FpAdder;
import io.bitforge.verilog.gen.fp.FpConvert;
import io.bitforge.verilog.hdl.Const;
import io.bitforge.verilog.hdl.Expr;
import io.bitforge.verilog.hdl.Instance;
import io.bitforge.verilog.hdl.Memory;
import io.bitforge.verilog.hdl.ModuleBuilder;
import io.bitforge.verilog.hdl.Mux;
import io.bitforge.verilog.hdl.Port;
import io.bitforge.verilog.hdl.ReadUnderWrite;
import io.bitforge.verilog.hdl.Reg;
import io.bitforge.verilog.hdl.Shape;
import io.bitforge.verilog.pe.GroupDequantiser;
import io.bitforge.verilog.pe.GroupScales;

import java.util.ArrayList;
import java.util.List;

/**
 * The bottom edge of an output-stationary array whose cells hand group sums to per-column dequantisers
 * ({@link GroupDequantiser}), built into a {@link TileArray}. Cell (i, j) ends a group one step (L cycles, the cell's
 * cycles per step) after the cell to its left or above, so at a boundary column j's dequantiser takes row i's sum
 * i steps after the column's boundary token arrives (the token is the controller's group-end flag delayed j steps,
 * carrying the metadata address, whether the group is the output's first and last, and the fold), in the one cycle
 * the cell holds it before restarting. Per row one FP32 y per column lane is in flight in a ring of R registers that
 * turns once per row; the last group writes y to the column's result memory at fold·R + row. The column is busy R
 * steps per boundary, so R ≤ S, the steps of a group (G / K lanes). With MixPE's zero points Σa is summed per row at
 * the activation edge (what enters cell (i, 0)) and held from its group's end until the next, which is long enough
 * while C ≤ G. Each column lane reads its metadata for the group (MixPE: zero point and scale; BitMoD: unit shift
 * and scale) from its own block RAM (one word per column fold and group, so a word stays within the HDL's 64 bits).
 * The cells' results, and so the last write, are in place in the cycle the plain array would capture its sums:
 * {@code computed} rises {@link TileArray#OVERHEAD_CYCLES} after the fold model's last-cycle index,
 * {@link TileArray#DEQUANT_OVERHEAD_CYCLES} after its whole count.
 */
final class DequantEdge {
    private DequantEdge() {
    }

    /** Signals of the controller at stage 1 (aligned with what enters cell (0, 0)). */
    record Token(Expr start, Expr boundary, Expr firstGroup, Expr lastGroup, Expr finalFold, Expr metaAddress,
                 Expr fold) {
    }

    /** Checks the plan against what the edge builds; the message names the limit. */
    static void check(ArrayPlan plan, GroupDequantiser dq) {
        var t = plan.timing();
        if (t.lanesM() != 1 || t.edgeStageCycles() != 0 || dq.groupSize() % t.lanesK() != 0
                || dq.activationSums() && (t.lanesK() != 1 || t.cyclesPerStep() != 1)) {
            throw new IllegalArgumentException("group dequantisers are built for cells of one activation row and no "
                    + "edge stage, groups a multiple of the K lanes (Σa: one K lane, one cycle per step), got " + t
                    + " and G = " + dq.groupSize());
        }
        int g = dq.groupSize();
        int steps = groupSteps(plan, dq);
        int k = plan.tile().k();
        if (k > g && (k % g != 0 || plan.rows() > steps || dq.activationSums() && plan.cols() > g)) {
            throw new IllegalArgumentException("a tile of several groups needs K a multiple of G = " + g
                    + " and at most " + steps + " rows (the steps of a group)"
                    + (dq.activationSums() ? " and G columns" : "") + ", got K " + k + " on " + plan.rows() + "x"
                    + plan.cols());
        }
    }

    /** Steps of one group: G over the cell's K lanes. */
    static int groupSteps(ArrayPlan plan, GroupDequantiser dq) {
        return dq.groupSize() / plan.timing().lanesK();
    }

    /** Groups per tile along K. */
    static int groups(ArrayPlan plan, GroupDequantiser dq) {
        return (plan.tile().k() + dq.groupSize() - 1) / dq.groupSize();
    }

    /**
     * Builds the Σa units and the column dequantisers; returns the flag that is high in the cycle of the tile's last
     * result write.
     *
     * @param rowStart  per row, the group-start flag as cell (i, 0) sees it
     * @param rowEnd    per row, the group-end flag as cell (i, 0) sees it
     * @param aEdge     per row, the activation code entering cell (i, 0)
     * @param sums      per row and column, the cell's {@code acc_0_N} outputs by lane
     * @param enCells   the cells' enable
     */
    static Expr build(ModuleBuilder m, ArrayPlan plan, GroupDequantiser dq, GroupScales scales, Token token,
                      Expr[] rowStart, Expr[] rowEnd, Expr[] aEdge, Expr[][][] sums, Expr enCells) {
        int rows = plan.rows();
        int cols = plan.cols();
        int lanes = plan.timing().lanesN();
        int cps = plan.cyclesPerStep();
        Expr[] heldSums = dq.activationSums() ? activationSums(m, dq, rowStart, rowEnd, aEdge, enCells) : null;
        int metaBits = dq.metadataBits();
        int groups = groups(plan, dq);
        int metaDepth = plan.colFolds() * groups;
        int resultDepth = plan.folds() * rows;
        Shape rowShape = counter(rows - 1);
        Shape y = Shape.u(32);
        Expr lastWrite = Const.of(Shape.bool(), 0);
        Port rdAddr = m.in("rd_addr", Shape.u(Math.max(1, Bits.ceilLog2(resultDepth))));
        List<Expr> current = List.of(token.boundary(), token.firstGroup(), token.lastGroup(), token.finalFold(),
                token.metaAddress(), token.fold());
        for (int j = 0; j < cols; j++) {
            if (j > 0) {
                // one step (cps cycles) per column, as the operands hop
                for (int c = 0; c < cps; c++) {
                    List<Expr> delayed = new ArrayList<>();
                    for (int s = 0; s < current.size(); s++) {
                        Reg r = m.reg("tok_" + j + "_" + s + (c == 0 ? "" : "_" + c), current.get(s).shape(), 0);
                        m.next(r, current.get(s));
                        delayed.add(r);
                    }
                    current = delayed;
                }
            }
            Expr boundary = current.get(0);
            Reg active = m.reg("dq_active_" + j, Shape.bool(), 0);
            Reg row = m.reg("dq_row_" + j, rowShape, 0);
            // with several cycles per step, a row's sum is there in the first cycle of each of the column's steps
            Reg phase = cps > 1 ? m.reg("dq_phase_" + j, counter(cps - 1), 0) : null;
            Expr take = phase == null ? active : active.and(phase.eq(0));
            Expr lastPhase = phase == null ? null : phase.eq(cps - 1);
            Reg first = m.reg("dq_first_" + j, Shape.bool(), 0);
            Reg last = m.reg("dq_last_" + j, Shape.bool(), 0);
            // only the last column's dequantiser says when the tile is done: the others keep no final flag
            Reg fin = j == cols - 1 ? m.reg("dq_final_" + j, Shape.bool(), 0) : null;
            Reg fold = m.reg("dq_fold_" + j, current.get(5).shape(), 0);
            Expr lastRow = row.eq(rows - 1);
            List<Expr> latched = current;
            m.when(boundary, s -> {
                s.next(active, one());
                s.next(row, Const.of(rowShape, 0));
                if (phase != null) {
                    s.next(phase, Const.of(phase.shape(), 0));
                }
                s.next(first, latched.get(1));
                s.next(last, latched.get(2));
                if (fin != null) {
                    s.next(fin, latched.get(3));
                }
                s.next(fold, latched.get(5));
            }).elseWhen(active, s -> {
                Expr nextRow = Mux.of(lastRow, Const.of(rowShape, 0), row.plus(1).truncate(rowShape.width()));
                if (phase == null) {
                    s.next(row, nextRow);
                    s.when(lastRow, s1 -> s1.next(active, Const.of(Shape.bool(), 0)));
                } else {
                    s.next(phase, Mux.of(lastPhase, Const.of(phase.shape(), 0), phase.plus(1).truncate(phase.width())));
                    s.when(lastPhase, s1 -> s1.next(row, nextRow));
                    s.when(take.and(lastRow), s1 -> s1.next(active, Const.of(Shape.bool(), 0)));
                }
            });
            Expr asumOfRow = null;
            if (heldSums != null) {
                asumOfRow = heldSums[0];
                for (int i = 1; i < rows; i++) {
                    asumOfRow = Mux.of(row.eq(i), heldSums[i], asumOfRow);
                }
            }
            Expr write = take.and(last);
            Expr address = fold.resize(counter(resultDepth)).times(Const.of(counter(rows), rows))
                    .plus(row).resize(Shape.u(Math.max(1, Bits.ceilLog2(resultDepth))));
            for (int n = 0; n < lanes; n++) {
                Expr psum = sums[0][j][n];
                for (int i = 1; i < rows; i++) {
                    psum = Mux.of(row.eq(i), sums[i][j][n], psum);
                }
                List<Reg> ring = new ArrayList<>();
                for (int r = 0; r < rows; r++) {
                    ring.add(m.reg("y_" + j + "_" + n + "_" + r, y, 0));
                }
                // one metadata memory per column lane, so a word stays within the HDL's 64 bits (48 with FP32 zeros)
                Memory meta = m.memoryFromHex("qbuf_" + j + "_" + n, Shape.u(metaBits), metaDepth,
                        metadataWords(plan, scales, groups, j, n, dq), ReadUnderWrite.READ_FIRST);
                Expr metaWord = m.readSync(meta, "q_rd_" + j + "_" + n,
                        current.get(4).resize(Shape.u(meta.addressWidth())), boundary);
                Instance step = m.instance("dq_" + j + "_" + n, dq.step());
                step.connect("y_in", Mux.of(first, Const.of(y, 0), ring.get(rows - 1)));
                step.connect("psum", dq.floatSums() ? psum.asUnsigned() : psum);
                step.connect("scale", metaWord.slice(15, 0));
                Expr upper = metaWord.slice(metaBits - 1, 16);
                if (asumOfRow != null) {
                    step.connect("asum", asumOfRow);
                    step.connect("zero", dq.floatSums() ? upper : upper.asSigned());
                } else {
                    step.connect("unit_shift", upper);
                }
                Expr yOut = step.out("y_out");
                for (int r = 0; r < rows; r++) {
                    m.next(ring.get(r), r == 0 ? yOut : ring.get(r - 1), take);
                }
                Memory result = m.memoryFromHex("ybuf_" + j + "_" + n, y, resultDepth, List.of(),
                        ReadUnderWrite.READ_FIRST);
                m.write(result, address.resize(Shape.u(result.addressWidth())), yOut, write);
                m.drive(m.out("y_" + j + "_" + n, y), m.readSync(result, "y_rd_" + j + "_" + n,
                        rdAddr.resize(Shape.u(result.addressWidth())), one()));
            }
            if (j == cols - 1) {
                lastWrite = write.and(fin).and(lastRow);
            }
        }
        return lastWrite;
    }

    /** Per row, Σa of the group that ended last (MixPE's zero points), held until the row's next group ends. */
    private static Expr[] activationSums(ModuleBuilder m, GroupDequantiser dq, Expr[] rowStart, Expr[] rowEnd,
                                         Expr[] aEdge, Expr enCells) {
        Shape asum = dq.floatSums() ? Shape.u(32) : Shape.s(dq.activationSumBits());
        Expr[] heldSums = new Expr[rowStart.length];
        for (int i = 0; i < rowStart.length; i++) {
            Reg running = m.reg("asum_run_" + i, asum, 0);
            Reg held = m.reg("asum_" + i, asum, 0);
            Expr restart = Mux.of(rowStart[i], Const.of(asum, 0), running);
            // FP16 activations: widened to FP32 (exact) and added in k order from +0, as the model's float sum
            Expr next = dq.floatSums() ? FpAdder.add(m, "asum_add_" + i, restart, FpConvert.convert(m,
                    "asum_cvt_" + i, aEdge[i], FloatLayout.FP16, FloatLayout.FP32, false), FloatLayout.FP32)
                    : restart.plusWrapped(aEdge[i].asSigned());
            m.next(running, next, enCells);
            m.next(held, next, enCells.and(rowEnd[i]));
            heldSums[i] = held;
        }
        return heldSums;
    }

    /** Column j lane n's metadata words: at fc·groups + g, {zero, scale} (the zero point's code above the scale). */
    static List<Long> metadataWords(ArrayPlan plan, GroupScales scales, int groups, int j, int n,
                                    GroupDequantiser dq) {
        int lanes = plan.timing().lanesN();
        List<Long> words = new ArrayList<>();
        for (int fc = 0; fc < plan.colFolds(); fc++) {
            int column = (fc * plan.cols() + j) * lanes + n;
            for (int g = 0; g < groups; g++) {
                words.add(column < scales.n() ? (Bits.wrap(scales.zero(g, column), dq.zeroBits(), false) << 16)
                        | (scales.scale(g, column) & 0xFFFF) : 0L);
            }
        }
        return words;
    }
}
