package io.bitforge.verilog.array;

import static io.bitforge.verilog.array.ArrayRegs.counter;
import static io.bitforge.verilog.array.ArrayRegs.delayed;
import static io.bitforge.verilog.array.ArrayRegs.one;
import static io.bitforge.verilog.array.ArrayRegs.skew;
import static io.bitforge.verilog.array.ArrayRegs.zero;

import io.bitforge.core.arith.Bits;
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
import io.bitforge.verilog.pe.PeRtl;

/**
 * A weight- or input-stationary array of any PE cell ({@link StationaryCell} around the family's cell) with its
 * controller and block-RAM buffers, running one GEMM tile from {@code start} to {@code done} on its own, on the
 * engine's ws/is fold schedule ({@link StationaryPlan}).
 *
 * <p><b>Per fold.</b> Preload: for R cycles column j's stationary buffer feeds the top cell, and every cell passes
 * its stationary word one row down, so after R cycles row r holds the word fed R − 1 − r cycles in. Stream: row i's
 * stream buffer feeds the left edge through i skew registers for T steps (zeros after), the streamed words hop one
 * cell right per step and the partial sums one row down per step; the bottom row's sums leave one per step and
 * column. Folds run column fold inner, row fold (over K) outer.
 *
 * <p><b>Results.</b> Column j's sums go to one result memory per output lane, at fc·T + t; from the second row
 * fold on each is added to the partial sum the earlier row folds left there (read one cycle ahead, so each memory
 * has one write and two synchronous read ports). {@code computed} (= {@code done}) rises
 * {@link #OVERHEAD_CYCLES} cycles after the engine's count for the tile, counted from the cycle {@code start} is
 * high; results are read through the synchronous ports {@code c_J_M_N} at {@code rd_addr}.
 */
public final class StationaryArray {
    /**
     * Cycles from {@code start} high to {@code computed} high, beyond the engine's count: the start register, the
     * block RAM's read latency, the cell's registered product (one step's sum is added to the partial sum in the
     * cycle after the step), the {@code computed} flag (set as the last sum is written into its result memory), and
     * one because the engine (as SCALE-Sim) reports the index of the last cycle rather than the number of cycles.
     */
    public static final int OVERHEAD_CYCLES = 5;

    private StationaryArray() {
    }

    public static String moduleName(PeRtl pe, StationaryPlan plan) {
        TileShape t = plan.tile();
        return pe.familyId().replace('-', '_') + "_" + pe.modeName() + "_" + plan.dataflow().id() + "_r" + plan.rows()
                + "_c" + plan.cols() + "_m" + t.m() + "_k" + t.k() + "_n" + t.n();
    }

    /** The design for A (row-major M×K codes) times B (row-major K×N codes). */
    public static ModuleDef build(PeRtl pe, StationaryPlan plan, long[] a, long[] b) {
        TileShape tile = plan.tile();
        if (a.length != tile.m() * tile.k() || b.length != tile.k() * tile.n()) {
            throw new IllegalArgumentException("tile " + tile + " needs " + tile.m() * tile.k() + " and "
                    + tile.k() * tile.n() + " codes, got " + a.length + " and " + b.length);
        }
        if (tile.k() > pe.maxTileK()) {
            throw new IllegalArgumentException("tile K " + tile.k() + " exceeds the " + pe.familyId() + " cell's "
                    + pe.maxTileK());
        }
        if (!plan.timing().equals(pe.timing())) {
            throw new IllegalArgumentException("plan timing " + plan.timing() + " is not the cell's " + pe.timing());
        }
        ModuleDef cell = StationaryCell.build(pe, plan.dataflow());
        boolean phased = cell.portDecls().stream().anyMatch(p -> p.name().equals("phase"));
        StationaryBuffers layout = new StationaryBuffers(plan, pe.activationCodeBits(), pe.weightCodeBits());
        int rows = plan.rows();
        int cols = plan.cols();
        int cps = plan.cyclesPerStep();
        int steps = plan.streamSteps();
        int lanesM = plan.timing().lanesM();
        int lanesN = plan.timing().lanesN();
        ModuleBuilder m = ModuleBuilder.named(moduleName(pe, plan))
                .doc(pe.familyId() + " " + pe.modeName() + " " + plan.dataflow().id() + " " + rows + "x" + cols
                        + " array, tile " + tile + ", " + plan.folds() + " folds of " + plan.foldCycles()
                        + " cycles; computed " + OVERHEAD_CYCLES + " cycles after the engine's " + plan.engineCycles())
                .param("ROWS", rows).param("COLS", cols).param("FOLD_CYCLES", plan.foldCycles())
                .param("ENGINE_CYCLES", plan.engineCycles());
        Port start = m.in("start", Shape.bool());

        // ---- controller, stage 0: preload or stream, counters ----
        Reg run = m.reg("run_q", Shape.bool(), 0);
        Reg loading = m.reg("load_q", Shape.bool(), 0);
        Reg p = m.reg("preload_q", counter(rows - 1), 0);
        Reg t = m.reg("step_q", counter(plan.foldSteps() - 1), 0);
        Reg ph = cps > 1 ? m.reg("phase_q", counter(cps - 1), 0) : null;
        Reg fr = m.reg("row_fold_q", counter(plan.rowFolds() - 1), 0);
        Reg fc = m.reg("col_fold_q", counter(plan.colFolds() - 1), 0);
        int sDepth = plan.folds() * rows;
        int xDepth = plan.rowFolds() * steps;
        Reg sBase = m.reg("s_base_q", counter(sDepth), 0);
        Reg xBase = m.reg("x_base_q", counter(xDepth), 0);
        Expr lastPreload = p.eq(rows - 1);
        Expr lastPhase = ph == null ? one() : ph.eq(cps - 1);
        Expr lastStep = t.eq(plan.foldSteps() - 1);
        Expr lastCol = fc.eq(plan.colFolds() - 1);
        Expr lastRow = fr.eq(plan.rowFolds() - 1);
        Expr accept = start.and(run.not());
        m.when(accept, s -> {
            s.next(run, one());
            s.next(loading, one());
            s.next(p, zero(p));
            s.next(t, zero(t));
            if (ph != null) {
                s.next(ph, zero(ph));
            }
            s.next(fr, zero(fr));
            s.next(fc, zero(fc));
            s.next(sBase, zero(sBase));
            s.next(xBase, zero(xBase));
        }).elseWhen(run, s -> s.when(loading, s1 -> {
            s1.next(p, Mux.of(lastPreload, zero(p), p.plus(1).truncate(p.width())));
            s1.when(lastPreload, s2 -> {
                s2.next(loading, zero(loading));
                s2.next(sBase, sBase.plus(rows).truncate(sBase.width()));
            });
        }).otherwise(s1 -> {
            if (ph != null) {
                s1.next(ph, Mux.of(lastPhase, zero(ph), ph.plus(1).truncate(ph.width())));
            }
            s1.when(lastPhase, s2 -> {
                s2.next(t, Mux.of(lastStep, zero(t), t.plus(1).truncate(t.width())));
                s2.when(lastStep, s3 -> {
                    s3.next(fc, Mux.of(lastCol, zero(fc), fc.plus(1).truncate(fc.width())));
                    s3.when(lastCol, s4 -> {
                        s4.next(fr, Mux.of(lastRow, zero(fr), fr.plus(1).truncate(fr.width())));
                        s4.next(xBase, xBase.plus(steps).truncate(xBase.width()));
                    });
                    s3.when(lastCol.and(lastRow), s4 -> s4.next(run, zero(run)))
                            .otherwise(s4 -> s4.next(loading, one()));
                });
            });
        }));
        Expr preloading = run.and(loading);
        Expr streaming = run.and(loading.not());
        Expr feeding = streaming.and(t.lt(Const.smallest(steps)));
        Expr firstStep = streaming.and(t.eq(0));
        if (ph != null) {
            firstStep = firstStep.and(ph.eq(0));
        }

        // ---- stage 1: the array's control, aligned with the buffers' read data ----
        Reg en1 = delayed(m, "en_q", run);
        Reg load1 = delayed(m, "load_d_q", preloading);
        Reg stream1 = delayed(m, "stream_q", streaming);
        Reg feed1 = delayed(m, "feed_q", feeding);
        Reg first1 = delayed(m, "first_q", firstStep);
        Reg ph1 = ph == null ? null : m.reg("phase_d_q", ph.shape(), 0);
        if (ph1 != null) {
            m.next(ph1, ph);
        }
        // the preload moves the stationary words one row every cycle: the cells see their step's last phase
        Expr cellPhase = ph1 == null ? null : Mux.of(load1, Const.of(ph1.shape(), cps - 1), ph1);
        Expr stepStart = ph1 == null ? stream1 : stream1.and(ph1.eq(0));
        Expr hop = ph1 == null ? en1 : en1.and(load1.or(ph1.eq(cps - 1)));
        // a step's products are in the cells' accumulators in the cycle after its last phase (for the last step of
        // a fold: the next fold's first preload cycle)
        Reg add2 = delayed(m, "add_q", ph1 == null ? stream1 : stream1.and(ph1.eq(cps - 1)));

        // ---- buffers and skew ----
        Shape sWord = Shape.u(layout.stationaryWordBits());
        Shape xWord = Shape.u(layout.streamWordBits());
        Expr[] sEdge = new Expr[cols];
        for (int j = 0; j < cols; j++) {
            Memory buf = m.memoryFromHex("sbuf_" + j, sWord, sDepth, layout.stationaryWords(a, b, j),
                    ReadUnderWrite.READ_FIRST);
            Expr addr = sBase.plus(p).resize(Shape.u(buf.addressWidth()));
            sEdge[j] = m.readSync(buf, "s_rd_" + j, addr, preloading);
        }
        Expr[] xEdge = new Expr[rows];
        for (int i = 0; i < rows; i++) {
            Memory buf = m.memoryFromHex("xbuf_" + i, xWord, xDepth, layout.streamWords(a, b, i),
                    ReadUnderWrite.READ_FIRST);
            Expr addr = xBase.plus(t).resize(Shape.u(buf.addressWidth()));
            Expr word = Mux.of(feed1, m.readSync(buf, "x_rd_" + i, addr, feeding), Const.of(xWord, 0));
            xEdge[i] = skew(m, word, i, "x" + i, hop);
        }

        // ---- the cells ----
        Shape acc = Shape.s(pe.accumulatorBits());
        Instance[][] grid = new Instance[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                Instance c = m.instance("pe_" + i + "_" + j, cell);
                c.connect("s_in", i == 0 ? sEdge[j] : grid[i - 1][j].out("s_out"));
                c.connect("x_in", j == 0 ? xEdge[i] : grid[i][j - 1].out("x_out"));
                c.connect("en", en1).connect("load", load1).connect("start", stepStart).connect("add", add2);
                if (phased) {
                    c.connect("phase", cellPhase);
                }
                for (int lm = 0; lm < lanesM; lm++) {
                    for (int ln = 0; ln < lanesN; ln++) {
                        String lane = lm + "_" + ln;
                        c.connect("psum_in_" + lane, i == 0 ? Const.of(acc, 0) : grid[i - 1][j].out("psum_" + lane));
                    }
                }
                grid[i][j] = c;
            }
        }

        // ---- stage 2: the bottom row's sums into the result memories, one per step and column ----
        int depth = layout.resultDepth();
        Shape addrShape = counter(depth - 1);
        Port rdAddr = m.in("rd_addr", Shape.u(Math.max(1, Bits.ceilLog2(depth))));
        Reg computed = m.reg("computed_q", Shape.bool(), 0);
        long writesPerColumn = (long) plan.folds() * steps;
        Reg lastColumnWrites = m.reg("writes_q", counter(writesPerColumn), 0);
        for (int j = 0; j < cols; j++) {
            // column j's sum of stream step t is complete (R + j)·cps + 1 cycles after the step's first cycle
            int delay = (rows + j) * cps;
            Reg wait = m.reg("wait_" + j + "_q", counter(delay), 0);
            Reg left = m.reg("left_" + j + "_q", counter(steps), 0);
            Reg addr = m.reg("waddr_" + j + "_q", addrShape, 0);
            Reg again = m.reg("accumulate_" + j + "_q", Shape.bool(), 0);
            Expr write = left.ne(0).and(wait.eq(0));
            Expr lastAddr = addr.eq(depth - 1);
            Expr nextAddr = Mux.of(lastAddr, zero(addr), addr.plus(1).truncate(addr.width()));
            m.when(first1, s -> {
                s.next(wait, Const.of(wait.shape(), delay));
                s.next(left, Const.of(left.shape(), steps));
            }).elseWhen(write, s -> {
                s.next(wait, Const.of(wait.shape(), cps - 1));
                s.next(left, left.minus(1).resize(left.shape()));
            }).elseWhen(left.ne(0), s -> s.next(wait, wait.minus(1).resize(wait.shape())));
            m.when(accept, s -> {
                s.next(addr, zero(addr));
                s.next(again, zero(again));
            }).elseWhen(write, s -> {
                s.next(addr, nextAddr);
                s.when(lastAddr, s1 -> s1.next(again, one()));
            });
            if (j == cols - 1) {
                m.when(accept, s -> {
                    s.next(lastColumnWrites, zero(lastColumnWrites));
                    s.next(computed, zero(computed));
                }).elseWhen(write, s -> {
                    s.next(lastColumnWrites, lastColumnWrites.plus(1).truncate(lastColumnWrites.width()));
                    s.when(lastColumnWrites.eq(writesPerColumn - 1), s1 -> s1.next(computed, one()));
                });
            }
            for (int lm = 0; lm < lanesM; lm++) {
                for (int ln = 0; ln < lanesN; ln++) {
                    String tag = j + "_" + lm + "_" + ln;
                    Memory result = m.memoryFromHex("cbuf_" + tag, acc, depth, java.util.List.of(),
                            ReadUnderWrite.READ_FIRST);
                    Shape ra = Shape.u(result.addressWidth());
                    // the word the next write adds to, read one cycle ahead
                    Expr earlier = m.readSync(result, "c_old_" + tag, Mux.of(write, nextAddr, addr).resize(ra), one());
                    Expr sum = grid[rows - 1][j].out("psum_" + lm + "_" + ln);
                    Expr total = Mux.of(again, sum.plusWrapped(earlier), sum);
                    m.write(result, addr.resize(ra), total, write);
                    m.drive(m.out("c_" + tag, acc), m.readSync(result, "c_rd_" + tag, rdAddr.resize(ra), one()));
                }
            }
        }
        m.drive(m.out("computed", Shape.bool()), computed);
        m.drive(m.out("done", Shape.bool()), computed);
        return m.build();
    }
}
