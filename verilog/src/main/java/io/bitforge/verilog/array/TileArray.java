package io.bitforge.verilog.array;

import static io.bitforge.verilog.array.ArrayRegs.counter;
import static io.bitforge.verilog.array.ArrayRegs.delayed;
import static io.bitforge.verilog.array.ArrayRegs.one;
import static io.bitforge.verilog.array.ArrayRegs.skew;
import static io.bitforge.verilog.array.ArrayRegs.zero;

import io.bitforge.core.arith.Bits;
import io.bitforge.core.spec.Dataflow;
import io.bitforge.verilog.hdl.Const;
import io.bitforge.verilog.hdl.Expr;
import io.bitforge.verilog.hdl.Instance;
import io.bitforge.verilog.hdl.Memory;
import io.bitforge.verilog.hdl.ModuleBuilder;
import io.bitforge.verilog.hdl.ModuleDef;
import io.bitforge.verilog.hdl.Mux;
import io.bitforge.verilog.hdl.Port;
import io.bitforge.verilog.hdl.ReadUnderWrite;
import io.bitforge.verilog.hdl.Reg;
import io.bitforge.verilog.hdl.Shape;
import io.bitforge.verilog.pe.EdgeDecoder;
import io.bitforge.verilog.pe.GroupDequantiser;
import io.bitforge.verilog.pe.GroupScales;
import io.bitforge.verilog.pe.PeRtl;

import java.util.ArrayList;
import java.util.List;

/**
 * An output-stationary array of any PE cell ({@link PeRtl}) with its controller and block-RAM buffers, running
 * one GEMM tile from {@code start} to {@code done} on its own.
 *
 * <p><b>Datapath.</b> Row i's activation buffer and column j's weight buffer ({@link TileBuffers}, initial
 * contents = the tile, emitted as {@code $readmemh} files so other data loads without regenerating) feed the array edges through skew registers (row i and column j delayed i and j steps);
 * operands hop one cell right (A) or down (B) per step, so step t of row fold fr meets column fold fc in
 * cell (i, j) at step t + i + j. A fold lasts {@link ArrayPlan#foldSteps} steps; the steps past T feed zeros.
 *
 * <p><b>Controller.</b> A one-cycle {@code start} pulse (while idle) starts the counters (phase, step, column
 * fold, row fold); one cycle later the buffers' synchronous reads feed the array, whose {@code en}, {@code start}
 * and {@code phase} are the counters delayed by that cycle. At each fold's end every cell's sums are captured in
 * parallel into drain chains (one per column lane and segment) that shift into the result memories while the
 * next fold runs. {@code computed} rises {@link #OVERHEAD_CYCLES} cycles after the engine's count for the tile,
 * counted from the cycle {@code start} is high; {@code done} rises when the last fold's sums are in the result
 * memories ({@link ArrayPlan#segmentLength} cycles later). Results are read through the synchronous ports
 * {@code c_J_N_S} at {@code rd_addr} (data one cycle later).
 */
public final class TileArray {
    /**
     * Cycles from {@code start} high to {@code computed} high, beyond the engine's count: the start register, the
     * block RAM's read latency, the capture of the last fold's sums, the {@code computed} flag, and one because
     * the engine (as SCALE-Sim) reports the index of the last cycle rather than the number of cycles.
     */
    public static final int OVERHEAD_CYCLES = 4;

    /**
     * Cycles from {@code start} high to {@code computed} high beyond the engine's whole count (its cost's cycles,
     * folds·L, not the last cycle's index) for an array with group dequantisers ({@link DequantEdge}): the start
     * register, the block RAM's read latency and the {@code computed} flag; the last dequantised output is written
     * in the cycle the plain array captures its sums. The same instant as {@link #OVERHEAD_CYCLES} after the index.
     */
    public static final int DEQUANT_OVERHEAD_CYCLES = 3;

    private TileArray() {
    }

    /** Name of the top module for this cell and plan. */
    public static String moduleName(PeRtl pe, ArrayPlan plan) {
        TileShape t = plan.tile();
        return pe.familyId().replace('-', '_') + "_" + pe.modeName() + "_os_r" + plan.rows() + "_c" + plan.cols()
                + "_m" + t.m() + "_k" + t.k() + "_n" + t.n();
    }

    /** The design for A (row-major M×K codes) times B (row-major K×N codes). */
    public static ModuleDef build(PeRtl pe, ArrayPlan plan, long[] a, long[] b) {
        return build(pe, plan, a, b, false, null);
    }

    /**
     * The design for a cell with a group dequantiser ({@link PeRtl#groupDequantiser}): the columns' edge dequantisers
     * ({@link DequantEdge}) take the weights' zero points and scales from {@code scales}, and the results are the
     * FP32 outputs ({@link DequantResults}).
     */
    public static ModuleDef build(PeRtl pe, ArrayPlan plan, long[] a, long[] b, GroupScales scales) {
        return build(pe, plan, a, b, false, scales);
    }

    /**
     * The same design whose operand buffers a host can also write (a board's UART link loads other tiles): with
     * {@code ld_we} high, buffer {@code ld_buf} (0..R−1 the rows' activation buffers, R..R+C−1 the columns' weight
     * buffers) takes the low bits of {@code ld_data} at {@code ld_addr} on the clock edge.
     */
    public static ModuleDef buildLoadable(PeRtl pe, ArrayPlan plan, long[] a, long[] b) {
        return build(pe, plan, a, b, true, null);
    }

    private static ModuleDef build(PeRtl pe, ArrayPlan plan, long[] a, long[] b, boolean loadable,
                                   GroupScales scales) {
        TileShape tile = plan.tile();
        if (a.length != tile.m() * tile.k() || b.length != tile.k() * tile.n()) {
            throw new IllegalArgumentException("tile " + tile + " needs " + tile.m() * tile.k() + " and "
                    + tile.k() * tile.n() + " codes, got " + a.length + " and " + b.length);
        }
        GroupDequantiser dq = pe.groupDequantiser().orElse(null);
        if ((dq == null) != (scales == null) || dq != null && loadable) {
            throw new IllegalArgumentException(pe.familyId() + " " + pe.modeName() + ": group scales are given "
                    + "exactly when the cell has a group dequantiser (and the design is not host-loadable)");
        }
        if (dq != null) {
            DequantEdge.check(plan, dq);
        }
        if (tile.k() > pe.maxTileK()) {
            throw new IllegalArgumentException("tile K " + tile.k() + " exceeds the " + pe.familyId() + " cell's "
                    + pe.maxTileK());
        }
        if (!plan.timing().equals(pe.timing())) {
            throw new IllegalArgumentException("plan timing " + plan.timing() + " is not the cell's " + pe.timing());
        }
        ModuleDef cell = pe.cell(Dataflow.OS);
        boolean phased = cell.portDecls().stream().anyMatch(p -> p.name().equals("phase"));
        TileBuffers layout = TileBuffers.forCell(pe, plan);
        EdgeDecoder aDecoder = pe.activationDecoder().orElse(null);
        EdgeDecoder bDecoder = pe.weightDecoder().orElse(null);
        int edge = plan.timing().edgeStageCycles();
        boolean staged = aDecoder != null && aDecoder.stageCycles() == 1
                || bDecoder != null && bDecoder.stageCycles() == 1;
        if (staged != (edge == 1) || edge > 1) {
            throw new IllegalArgumentException(pe.familyId() + ": an edge decoder is one stage; the timing has "
                    + edge + " edge stage cycles");
        }
        int rows = plan.rows();
        int cols = plan.cols();
        int lanesM = plan.timing().lanesM();
        int lanesN = plan.timing().lanesN();
        int cps = plan.cyclesPerStep();
        int steps = plan.streamSteps();
        int accBits = pe.accumulatorBits();
        ModuleBuilder m = ModuleBuilder.named(moduleName(pe, plan))
                .doc(pe.familyId() + " " + pe.modeName() + " output-stationary " + rows + "x" + cols + " array, tile "
                        + tile + ", " + plan.folds() + " folds of " + plan.foldCycles() + " cycles; computed "
                        + OVERHEAD_CYCLES + " cycles after the engine's " + plan.engineCycles())
                .param("ROWS", rows).param("COLS", cols).param("FOLD_CYCLES", plan.foldCycles())
                .param("ENGINE_CYCLES", plan.engineCycles());
        Port start = m.in("start", Shape.bool());

        // ---- controller, stage 0: counters ----
        Reg run = m.reg("run_q", Shape.bool(), 0);
        Reg t = m.reg("step_q", counter(plan.counterSteps() - 1), 0);
        Reg ph = cps > 1 ? m.reg("phase_q", counter(cps - 1), 0) : null;
        Reg fr = m.reg("row_fold_q", counter(plan.rowFolds() - 1), 0);
        Reg fc = m.reg("col_fold_q", counter(plan.colFolds() - 1), 0);
        int aWords = layout.activationWordsPerFold();
        int bWords = layout.weightWordsPerFold();
        int aDepth = plan.rowFolds() * aWords;
        int bDepth = plan.colFolds() * bWords;
        Reg aBase = m.reg("a_base_q", counter(aDepth), 0);
        Reg bBase = m.reg("b_base_q", counter(bDepth), 0);
        Expr lastPhase = ph == null ? Const.of(Shape.bool(), 1) : ph.eq(cps - 1);
        Expr lastStep = t.eq(plan.counterSteps() - 1);
        Expr lastCol = fc.eq(plan.colFolds() - 1);
        Expr lastRow = fr.eq(plan.rowFolds() - 1);
        Expr accept = start.and(run.not());
        m.when(accept, s -> {
            s.next(run, one());
            s.next(t, zero(t));
            if (ph != null) {
                s.next(ph, zero(ph));
            }
            s.next(fr, zero(fr));
            s.next(fc, zero(fc));
            s.next(aBase, zero(aBase));
            s.next(bBase, zero(bBase));
        }).elseWhen(run, s -> {
            if (ph != null) {
                s.next(ph, Mux.of(lastPhase, zero(ph), ph.plus(1).truncate(ph.width())));
            }
            s.when(lastPhase, s1 -> {
                s1.next(t, Mux.of(lastStep, zero(t), t.plus(1).truncate(t.width())));
                s1.when(lastStep, s2 -> {
                    s2.next(fc, Mux.of(lastCol, zero(fc), fc.plus(1).truncate(fc.width())));
                    s2.next(bBase, Mux.of(lastCol, zero(bBase), bBase.plus(bWords).truncate(bBase.width())));
                    s2.when(lastCol, s3 -> {
                        s3.next(fr, Mux.of(lastRow, zero(fr), fr.plus(1).truncate(fr.width())));
                        s3.next(aBase, aBase.plus(aWords).truncate(aBase.width()));
                        s3.when(lastRow, s4 -> s4.next(run, zero(run)));
                    });
                });
            });
        });
        Expr feeding = t.lt(Const.smallest(steps));
        Expr readEnable = run.and(feeding);
        Expr foldStart = run.and(t.eq(0));
        if (ph != null) {
            foldStart = foldStart.and(ph.eq(0));
        }
        Expr foldEnd = run.and(lastStep).and(lastPhase);
        Expr finalEnd = foldEnd.and(lastCol).and(lastRow);
        DequantEdge.Token token = null;
        if (dq != null) {
            // group position along K (in steps), the metadata address (fc·groups + g) and the fold, for the edge
            // dequantisers; with several cycles per step a group starts in a step's first cycle and ends in its last
            int g = DequantEdge.groupSteps(plan, dq);
            int groups = DequantEdge.groups(plan, dq);
            Reg gpos = m.reg("group_pos_q", counter(g - 1), 0);
            Reg qaddr = m.reg("meta_addr_q", counter(plan.colFolds() * groups), 0);
            Reg fold = m.reg("fold_q", counter(plan.folds()), 0);
            Expr groupEndStep = feeding.and(gpos.eq(g - 1).or(t.eq(steps - 1)));
            Expr groupEnd = ph == null ? groupEndStep : groupEndStep.and(lastPhase);
            m.when(accept, s -> {
                s.next(gpos, zero(gpos));
                s.next(qaddr, zero(qaddr));
                s.next(fold, zero(fold));
            }).elseWhen(run, s -> {
                Expr nextPos = Mux.of(groupEndStep.or(lastStep), zero(gpos), gpos.plus(1).truncate(gpos.width()));
                if (ph == null) {
                    s.next(gpos, nextPos);
                } else {
                    s.when(lastPhase, s1 -> s1.next(gpos, nextPos));
                }
                s.when(groupEnd, s1 -> s1.next(qaddr, Mux.of(t.eq(steps - 1).and(lastCol), zero(qaddr),
                        qaddr.plus(1).truncate(qaddr.width()))));
                s.when(foldEnd, s1 -> s1.next(fold, fold.plus(1).truncate(fold.width())));
            });
            // a one-group tile's only group is its first and last (no comparison that is constant)
            Expr firstGroup = groups == 1 ? one() : t.lt(Const.smallest(g));
            Expr lastGroup = groups == 1 ? one() : t.ge(Const.smallest((long) (groups - 1) * g));
            Expr groupStart = run.and(feeding).and(gpos.eq(0));
            token = new DequantEdge.Token(delayed(m, "group_start_q", ph == null ? groupStart
                    : groupStart.and(ph.eq(0))),
                    delayed(m, "group_end_q", run.and(groupEnd)),
                    delayed(m, "first_group_q", firstGroup), delayed(m, "last_group_q", lastGroup),
                    delayed(m, "final_fold_q", lastCol.and(lastRow)), stage(m, "meta_addr_d_q",
                            qaddr.resize(Shape.u(Math.max(1, Bits.ceilLog2((long) plan.colFolds() * groups))))),
                    stage(m, "fold_d_q", fold));
        }

        // ---- stage 1: the array's control, aligned with the buffers' read data ----
        Reg en1 = delayed(m, "en_q", run);
        // with group dequantisers the cells restart at group starts and the edge says when the tile is done, so the
        // fold flags that drive the drain chains are not built
        Reg start1 = dq == null ? delayed(m, "fold_start_q", foldStart) : null;
        Reg feed1 = delayed(m, "feed_q", feeding);
        Reg foldEnd1 = dq == null ? delayed(m, "fold_end_q", foldEnd) : null;
        Reg final1 = dq == null ? delayed(m, "final_q", finalEnd) : null;
        Reg ph1 = ph == null ? null : m.reg("phase_d_q", ph.shape(), 0);
        if (ph1 != null) {
            m.next(ph1, ph);
        }
        Expr hop = ph1 == null ? en1 : en1.and(ph1.eq(cps - 1));
        // with an edge decoder, the cells see the operands one stage later, and so their control
        Expr enCells = edge == 0 ? en1 : delayed(m, "en_cells_q", en1);
        Expr startCells = dq != null ? null : edge == 0 ? start1 : delayed(m, "fold_start_cells_q", start1);
        Expr hopCells = edge == 0 ? hop : enCells;
        // with group dequantisers, cell (i, j) restarts at its own group starts: the flag travels with the skew
        Expr[] groupStart = null;
        Expr[] groupEnd = null;
        if (dq != null) {
            groupStart = diagonal(m, "group_start_d", token.start(), rows + cols - 1, cps);
            groupEnd = dq.activationSums() ? diagonal(m, "group_end_d", token.boundary(), rows, cps) : null;
        }
        Reg slot1 = null;
        if (layout.activationCodesPerWord() > 1 || layout.weightCodesPerWord() > 1) {
            // which step of a two-step word the buffers' read data belongs to
            slot1 = m.reg("slot_q", Shape.u(1), 0);
            m.next(slot1, t.bit(0));
        }

        // ---- buffers and skew ----
        Shape aWord = Shape.u(layout.activationWordBits());
        Shape bWord = Shape.u(layout.weightWordBits());
        HostLoad load = loadable ? HostLoad.ports(m, rows + cols, Math.max(aDepth, bDepth),
                Math.max(aWord.width(), bWord.width())) : null;
        Expr[] aEdge = new Expr[rows];
        for (int i = 0; i < rows; i++) {
            Memory buf = m.memoryFromHex("abuf_" + i, aWord, aDepth, layout.activationWords(a, i),
                    ReadUnderWrite.READ_FIRST);
            if (load != null) {
                load.writePort(m, buf, i);
            }
            Expr addr = aBase.plus(wordIndex(t, layout.activationCodesPerWord())).resize(Shape.u(buf.addressWidth()));
            Expr word = Mux.of(feed1, m.readSync(buf, "a_rd_" + i, addr, readEnable), Const.of(aWord, 0));
            aEdge[i] = skew(m, edgeStage(m, word, aDecoder, slot1, edge, "a" + i, hop), i, "a" + i, hopCells);
        }
        Expr[] bEdge = new Expr[cols];
        for (int j = 0; j < cols; j++) {
            Memory buf = m.memoryFromHex("bbuf_" + j, bWord, bDepth, layout.weightWords(b, j),
                    ReadUnderWrite.READ_FIRST);
            if (load != null) {
                load.writePort(m, buf, rows + j);
            }
            Expr addr = bBase.plus(wordIndex(t, layout.weightCodesPerWord())).resize(Shape.u(buf.addressWidth()));
            Expr word = Mux.of(feed1, m.readSync(buf, "b_rd_" + j, addr, readEnable), Const.of(bWord, 0));
            bEdge[j] = skew(m, edgeStage(m, word, bDecoder, slot1, edge, "b" + j, hop), j, "b" + j, hopCells);
        }

        // ---- the cells ----
        Instance[][] grid = new Instance[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                Instance c = m.instance("pe_" + i + "_" + j, cell);
                c.connect("a_in", j == 0 ? aEdge[i] : grid[i][j - 1].out("a_out"));
                c.connect("b_in", i == 0 ? bEdge[j] : grid[i - 1][j].out("b_out"));
                c.connect("en", enCells).connect("start", groupStart == null ? startCells : groupStart[i + j]);
                if (phased) {
                    c.connect("phase", ph1 == null ? Const.of(Shape.bool(), 0) : ph1);
                }
                grid[i][j] = c;
            }
        }

        if (dq != null) {
            Expr[][][] sums = new Expr[rows][cols][lanesN];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    for (int n = 0; n < lanesN; n++) {
                        sums[i][j][n] = grid[i][j].out("acc_0_" + n);
                    }
                }
            }
            Expr[] rowStart = new Expr[rows];
            System.arraycopy(groupStart, 0, rowStart, 0, rows);
            Expr lastWrite = DequantEdge.build(m, plan, dq, scales, token, rowStart, groupEnd, aEdge, sums, enCells);
            Reg computed = m.reg("computed_q", Shape.bool(), 0);
            m.when(accept, s -> s.next(computed, zero(computed))).elseWhen(lastWrite, s -> s.next(computed, one()));
            m.drive(m.out("computed", Shape.bool()), computed);
            m.drive(m.out("done", Shape.bool()), computed);
            return m.build();
        }

        // ---- stage 2: capture into drain chains, drain into result memories ----
        Reg capture = delayed(m, "capture_q", foldEnd1);
        Reg final2 = delayed(m, "final_capture_q", final1);
        int seg = plan.segmentLength();
        Reg drainCount = m.reg("drain_count_q", counter(seg), 0);
        Reg drainAddr = m.reg("drain_addr_q", counter(layout.resultDepth()), 0);
        Reg computed = m.reg("computed_q", Shape.bool(), 0);
        Expr draining = drainCount.ne(0);
        m.when(capture, s -> s.next(drainCount, Const.of(drainCount.shape(), seg)))
                .elseWhen(draining, s -> s.next(drainCount, drainCount.minus(1).resize(drainCount.shape())));
        m.when(accept, s -> s.next(drainAddr, zero(drainAddr)))
                .elseWhen(draining, s -> s.next(drainAddr, drainAddr.plus(1).truncate(drainAddr.width())));
        m.when(accept, s -> s.next(computed, zero(computed))).elseWhen(final2, s -> s.next(computed, one()));
        Shape acc = Shape.s(accBits);
        int resultAddrBits = Math.max(1, Bits.ceilLog2(layout.resultDepth()));
        Port rdAddr = m.in("rd_addr", Shape.u(resultAddrBits));
        for (int j = 0; j < cols; j++) {
            for (int n = 0; n < lanesN; n++) {
                for (int sIdx = 0; sIdx < plan.drainSegments(); sIdx++) {
                    String tag = j + "_" + n + "_" + sIdx;
                    List<Reg> chain = new ArrayList<>();
                    for (int r = 0; r < seg; r++) {
                        chain.add(m.reg("drain_" + tag + "_" + r, acc, 0));
                    }
                    for (int r = 0; r < seg; r++) {
                        int q = sIdx * seg + r;
                        Expr sum = q < plan.sumsPerColumnLane()
                                ? grid[q / lanesM][j].out("acc_" + q % lanesM + "_" + n) : Const.of(acc, 0);
                        Expr shifted = r == 0 ? Const.of(acc, 0) : chain.get(r - 1);
                        Reg reg = chain.get(r);
                        m.when(capture, s -> s.next(reg, sum)).elseWhen(draining, s -> s.next(reg, shifted));
                    }
                    Memory result = m.memoryFromHex("cbuf_" + tag, acc, layout.resultDepth(), List.of(),
                            ReadUnderWrite.READ_FIRST);
                    m.write(result, drainAddr.resize(Shape.u(result.addressWidth())), chain.get(seg - 1), draining);
                    m.drive(m.out("c_" + tag, acc), m.readSync(result, "c_rd_" + tag,
                            rdAddr.resize(Shape.u(result.addressWidth())), one()));
                }
            }
        }
        m.drive(m.out("computed", Shape.bool()), computed);
        m.drive(m.out("done", Shape.bool()), computed.and(draining.not()));
        return m.build();
    }

    /** {@code value} registered once (a counter aligned with stage 1). */
    private static Reg stage(ModuleBuilder m, String name, Expr value) {
        Reg r = m.reg(name, value.shape(), 0);
        m.next(r, value);
        return r;
    }

    /**
     * {@code flag} delayed 0..count−1 steps of {@code cyclesPerStep} cycles: element d is what cell (i, j) with
     * i + j = d sees.
     */
    private static Expr[] diagonal(ModuleBuilder m, String name, Expr flag, int count, int cyclesPerStep) {
        Expr[] taps = new Expr[count];
        taps[0] = flag;
        for (int d = 1; d < count; d++) {
            Expr tap = taps[d - 1];
            for (int c = 0; c < cyclesPerStep; c++) {
                tap = delayed(m, name + "_" + d + (c == 0 ? "" : "_" + c), tap);
            }
            taps[d] = tap;
        }
        return taps;
    }

    /** The buffer word of step t: t itself, or t / 2 when a word holds two steps (an OVP pair). */
    private static Expr wordIndex(Expr t, int codesPerWord) {
        return codesPerWord == 1 ? t : t.shr(1);
    }

    /**
     * The edge stage between a buffer and the skew registers: the decoder (when this edge has one) of the word's
     * {@code slot}, registered; a plain register when only the other edge decodes; nothing without edge stages; a
     * decoder without a stage ({@link EdgeDecoder#stageCycles} 0) unregistered.
     */
    private static Expr edgeStage(ModuleBuilder m, Expr word, EdgeDecoder decoder, Expr slot, int edge, String tag,
                                  Expr hop) {
        if (decoder != null && decoder.stageCycles() == 0) {
            // a combinational edge unit (e.g. LUT table precompute): no stage, so the timing is unchanged
            Instance d = m.instance("dec_" + tag, decoder.module());
            d.connect("word", word);
            return d.out("operand");
        }
        if (edge == 0) {
            return word;
        }
        Expr operand = word;
        if (decoder != null) {
            Instance d = m.instance("dec_" + tag, decoder.module());
            d.connect("word", word).connect("slot", slot);
            operand = d.out("operand");
        }
        Reg r = m.reg("edge_" + tag, operand.shape(), 0);
        m.next(r, operand, hop);
        return r;
    }
}
