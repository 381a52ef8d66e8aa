package io.bitforge.verilog.pe.reram;

import io.bitforge.core.arith.Bits;
import io.bitforge.core.io.BadInputException;
import io.bitforge.pe.reram.AdcScheme;
import io.bitforge.pe.reram.CrossbarMvm;
import io.bitforge.pe.reram.ReramParams;
import io.bitforge.pe.reram.SarAdc;
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
 * The digital side of a ReRAM crossbar MVM in RTL, for one programmed weight matrix ({@link CrossbarMvm}, whose
 * stored cell levels, flip bits and per-column code maxima are this design's ROM contents):
 * <ul>
 *   <li>a digital emulation of the ideal column sums: for input cycle t the input digits {@code x_k >> t·v} of the
 *       partition's rows times the stored levels of the selected cell column, summed (one LSB = one unit cell
 *       current);</li>
 *   <li>a SAR-ADC controller, one comparator decision per clock, MSB first, after one sampling cycle (NeuroSim
 *       {@code SarADC.cpp}), in the scheme of {@link SarAdc}: full conversion from bit N−1; skipping from bit
 *       {@code N_eff − 1} with N_eff from the column's stored weights (its code maximum, a ROM); two-interval coding
 *       with one extra comparison against 2^t, then t exact bits, or the bits N_eff−1..p with a half-step offset
 *       when rounding;</li>
 *   <li>the shift-and-add: flipped columns recovered as {@code (2^wc−1)·Σ digits − code}, each code shifted by
 *       {@code t·v + slice·wc} and added (subtracted for a pos/neg array's negative part) into its output, and the
 *       offset encoding's {@code 2^(wb−1)·Σ x} removed in a final cycle.</li>
 * </ul>
 * One ADC serves every column, so conversions run back to back: from {@code start} to {@code done} the design takes
 * the sum of the conversions' comparator cycles plus {@link #OVERHEAD_CYCLES}; {@code comparator_cycles} and
 * {@code conversions} count them for the ladder. Ideal cells only (no conductance spread).
 *
 * <p><b>Full scale at the largest sum</b> ({@code adcFullScale: max}): one LSB is L = maxColumnSum / (2^N − 1) unit
 * currents, not a whole number. The comparator then compares the column sum S with a threshold per trial code
 * (a ROM), the smallest sum the functional model's quantiser ({@link SarAdc#code}, {@link SarAdc#roundedCode} for
 * two-interval rounding) maps to that code or above, so every decision, code and comparator cycle is the model's.
 * The outputs are then {@code y_o + L·q_o}: {@code y_o} the integer part (flipped columns' digit sums, the offset
 * correction), {@code q_o} the shifted, signed codes.
 */
public final class ReramCrossbarRtl {
    /** Cycles beyond the comparator cycles: the start cycle and the final offset-correction cycle. */
    public static final int OVERHEAD_CYCLES = 2;
    /** Output accumulator width. */
    public static final int OUTPUT_BITS = 56;
    private static final int SAMPLE = 0;
    private static final int INTERVAL = 1;
    private static final int DECIDE = 2;
    private static final int FINAL = 3;

    private ReramCrossbarRtl() {
    }

    /** Checks the parameters have an RTL; the message names the parameter. */
    public static void check(ReramParams p, AdcScheme scheme) {
        if (p.conductanceSigma() != 0) {
            throw new BadInputException("pe.params.conductanceSigma: the reram RTL emulates ideal cells; must be 0, "
                    + "got " + p.conductanceSigma());
        }
        if (scheme == AdcScheme.TWO_INTERVAL && p.truncatedBits() > p.intervalBits()) {
            throw new BadInputException("pe.params.truncatedBits: the reram RTL's two-interval search needs "
                    + "truncatedBits <= intervalBits, got " + p.truncatedBits() + " > " + p.intervalBits());
        }
        int maxShift = (p.inputCycles(p.inputBits()) - 1) * p.dacBits() + (p.slices(p.weightBits()) - 1) * p.cellBits();
        if (maxShift > 31 || p.adcBits() > 16) {
            throw new BadInputException("pe.params: the reram RTL shifts codes by at most 31 bits, got " + maxShift);
        }
    }

    public static ModuleDef build(ReramParams p, CrossbarMvm mvm, AdcScheme scheme) {
        check(p, scheme);
        int rows = mvm.rows();
        int outputs = mvm.outputs();
        int columns = mvm.columns();
        int partitions = mvm.partitions();
        int inputCycles = p.inputCycles(p.inputBits());
        int n = p.adcBits();
        ModuleBuilder m = ModuleBuilder.named("reram_xbar_" + scheme.id().replace('-', '_') + "_k" + rows + "_n"
                + outputs).doc("ReRAM crossbar digital side: ideal column sums, SAR-ADC control (" + scheme.id()
                + "), shift-and-add");
        List<Port> x = new ArrayList<>();
        for (int k = 0; k < rows; k++) {
            x.add(m.in("x_" + k, Shape.u(p.inputBits())));
        }
        Port start = m.in("start", Shape.bool());
        Reg running = m.reg("running", Shape.bool(), 0);
        Reg done = m.reg("done_q", Shape.bool(), 0);
        Reg phase = m.reg("phase", Shape.u(2), SAMPLE);
        Reg t = m.reg("t_q", counter(inputCycles), 0);
        Reg part = m.reg("part_q", counter(partitions), 0);
        Reg col = m.reg("col_q", counter(columns), 0);
        Reg bit = m.reg("bit_q", Shape.u(5), 0);
        Reg stop = m.reg("stop_q", Shape.u(5), 0);
        Reg code = m.reg("code_q", Shape.u(n), 0);
        Reg offset = m.reg("offset_q", Shape.u(n), 0);
        Reg cycles = m.reg("cycles_q", Shape.u(40), 0);
        Reg conversions = m.reg("conversions_q", Shape.u(40), 0);
        boolean scaled = p.lsbUnits() != 1.0;
        List<Reg> y = new ArrayList<>();
        List<Reg> q = new ArrayList<>();
        for (int o = 0; o < outputs; o++) {
            y.add(m.reg("y_q" + o, Shape.s(OUTPUT_BITS), 0));
            if (scaled) {
                q.add(m.reg("q_q" + o, Shape.s(OUTPUT_BITS), 0));
            }
        }

        // the column sum of the selected (input cycle, partition, column)
        Expr shiftT = wire(m, "tshift", t.times(Const.of(Shape.u(4), p.dacBits())).truncate(5).asUnsigned());
        Expr sum = Const.of(Shape.u(1), 0);
        Expr digitSum = Const.of(Shape.u(1), 0);
        int sumBits = Bits.unsignedWidthOf(p.maxInputDigit() * p.maxCellLevel() * Math.max(1, rows));
        int digitSumBits = Bits.unsignedWidthOf(p.maxInputDigit() * Math.max(1, rows));
        for (int k = 0; k < rows; k++) {
            int partitionOfRow = partitionOf(mvm, k);
            Expr digit = wire(m, "d" + k, x.get(k).shr(shiftT).and(Const.of(Shape.u(p.inputBits()),
                    p.maxInputDigit())).truncate(p.dacBits()));
            Expr inPart = part.eq(Const.of(part.shape(), partitionOfRow));
            Expr level = levelRom(mvm, k, col, p.cellBits());
            Expr term = Mux.of(inPart, digit.times(level), Const.of(Shape.u(1), 0));
            sum = sum.plus(term).truncate(sumBits);
            digitSum = digitSum.plus(Mux.of(inPart, digit, Const.of(Shape.u(1), 0))).truncate(digitSumBits);
        }
        Wire s = wire(m, "colsum", sum);
        Wire sigma = wire(m, "digitsum", digitSum);
        Expr effective = wire(m, "neff", rom(m, "neffrom", part, col, partitions, columns, 5,
                (pp, c) -> new SarAdc(p).effectiveBits(mvm.codeMax(pp, c))));
        Expr flipped = wire(m, "flip", rom(m, "fliprom", part, col, partitions, columns, 1,
                (pp, c) -> mvm.flipped(pp, c) ? 1 : 0));

        Expr sampling = wire(m, "sampling", running.and(phase.eq(Const.of(Shape.u(2), SAMPLE))));
        Expr interval = wire(m, "interval", running.and(phase.eq(Const.of(Shape.u(2), INTERVAL))));
        Expr deciding = wire(m, "deciding", running.and(phase.eq(Const.of(Shape.u(2), DECIDE))));
        Expr finishing = wire(m, "finishing", running.and(phase.eq(Const.of(Shape.u(2), FINAL))));
        int tBits = p.intervalBits();
        int pBits = p.truncatedBits();
        Expr twoHigh = scheme == AdcScheme.TWO_INTERVAL ? effective.gt(Const.of(Shape.u(5), tBits))
                : Const.of(Shape.bool(), 0);
        // sampling cycle: where the search starts (no decision at all for an all-zero column when skipping)
        Expr firstBit = scheme == AdcScheme.FULL ? Const.of(Shape.u(5), n - 1)
                : effective.minus(Const.of(Shape.u(1), 1)).truncate(5).asUnsigned();
        Expr noDecision = scheme == AdcScheme.FULL ? Const.of(Shape.bool(), 0)
                : twoHigh.not().and(effective.eq(Const.of(Shape.u(5), 0)));
        // interval cycle: is the sum at least 2^t?
        SarAdc adc = new SarAdc(p);
        long maxSum = (long) p.maxInputDigit() * p.maxCellLevel() * Math.max(1, rows);
        long[] plain = thresholds(n, maxSum, adc::code);
        Expr high = wire(m, "high", scaled ? s.ge(Const.smallest(tBits < n ? plain[1 << tBits] : maxSum + 1))
                : s.ge(Const.of(Shape.u(17), 1L << tBits)));
        Expr intervalDone = high.not().and(Const.of(Shape.bool(), tBits == 0 ? 1 : 0));
        long half = p.intervalRounding() && pBits > 0 ? 1L << (pBits - 1) : 0;
        // decision cycle: keep the trial bit when the (offset) sum reaches the trial code
        Expr trial = wire(m, "trial", code.or(Const.of(Shape.u(n), 1).shl(bit).truncate(n)));
        Expr keep;
        if (scaled) {
            // the smallest sum the model's quantiser maps to the trial code or above (rounded: the coarse code)
            Expr plainKeep = s.ge(table(m, "thr", trial, plain));
            keep = p.intervalRounding() && pBits > 0 && scheme == AdcScheme.TWO_INTERVAL
                    ? Mux.of(offset.ne(Const.of(offset.shape(), 0)), s.ge(table(m, "thr_round", trial,
                    thresholds(n, maxSum, adc::roundedCode))), plainKeep) : plainKeep;
        } else {
            keep = s.plus(offset).ge(trial);
        }
        Expr codeNext = wire(m, "code_next", Mux.of(keep, trial, code));
        Expr lastDecision = bit.eq(stop);
        Expr finish = wire(m, "finish", sampling.and(noDecision).or(interval.and(intervalDone))
                .or(deciding.and(lastDecision)));
        Expr finalCode = Mux.of(deciding, codeNext, Const.of(Shape.u(n), 0));

        // shift-and-add of a finished conversion
        // with a fractional LSB the codes go to their own accumulators (q), the integer part stays in y
        Expr integerCode = scaled ? Const.of(Shape.u(n), 0) : finalCode;
        Expr recovered = Mux.of(flipped, sigma.times(Const.of(Shape.u(8), p.maxCellLevel())).resize(Shape.s(24))
                .minus(integerCode), integerCode.resize(Shape.s(25))).truncate(25);
        Expr sliceShift = rom(m, "slicerom", Const.of(Shape.u(1), 0), col, 1, columns, 5,
                (pp, c) -> (c / mvm.parts()) % mvm.slices() * p.cellBits());
        Expr shift = wire(m, "shift", shiftT.plus(sliceShift).truncate(5).asUnsigned());
        Expr contribution = wire(m, "contrib", recovered.shl(shift).resize(Shape.s(OUTPUT_BITS)));

        // counters advance on every finished conversion; the last one leads to the final correction cycle
        Expr lastCol = col.eq(Const.of(col.shape(), columns - 1));
        Expr lastPart = part.eq(Const.of(part.shape(), partitions - 1));
        Expr lastT = t.eq(Const.of(t.shape(), inputCycles - 1));
        Expr accept = wire(m, "accept", start.and(running.not()));
        long inputOffset = mvm.parts() == 1 ? 1L << (p.weightBits() - 1) : 0;
        Expr inputSum = Const.of(Shape.u(1), 0);
        for (Port xi : x) {
            inputSum = inputSum.plus(xi);
        }
        Expr correction = wire(m, "correction", inputSum.times(Const.of(Shape.u(17), inputOffset))
                .resize(Shape.s(OUTPUT_BITS)));
        Expr counting = sampling.or(interval).or(deciding);
        // which output a column adds into, and whether it is a pos/neg array's negative part
        List<Expr> mine = new ArrayList<>();
        for (int o = 0; o < outputs; o++) {
            int output = o;
            mine.add(rom(m, "outrom" + o, Const.of(Shape.u(1), 0), col, 1, columns, 1,
                    (pp, c) -> c / mvm.parts() / mvm.slices() == output ? 1 : 0));
        }
        Expr negative = rom(m, "negrom", Const.of(Shape.u(1), 0), col, 1, columns, 1,
                (pp, c) -> mvm.parts() == 2 && c % 2 == 1 ? 1 : 0);
        Expr signedContribution = wire(m, "signed_contrib", Mux.of(negative, contribution.neg(), contribution)
                .truncate(OUTPUT_BITS));
        Expr signedCode = Const.of(Shape.s(OUTPUT_BITS), 0);
        if (scaled) {
            Expr code25 = finalCode.resize(Shape.s(25));
            Expr codeShifted = Mux.of(flipped, code25.neg(), code25).truncate(25).shl(shift).resize(Shape.s(OUTPUT_BITS));
            signedCode = wire(m, "signed_code", Mux.of(negative, codeShifted.neg(), codeShifted).truncate(OUTPUT_BITS));
        }
        Expr codeContribution = signedCode;

        m.when(accept, b -> {
            b.next(running, Const.of(Shape.bool(), 1));
            b.next(done, Const.of(Shape.bool(), 0));
            b.next(phase, Const.of(Shape.u(2), SAMPLE));
            b.next(t, Const.of(t.shape(), 0));
            b.next(part, Const.of(part.shape(), 0));
            b.next(col, Const.of(col.shape(), 0));
            b.next(cycles, Const.of(cycles.shape(), 0));
            b.next(conversions, Const.of(conversions.shape(), 0));
            for (Reg yo : y) {
                b.next(yo, Const.of(yo.shape(), 0));
            }
            for (Reg qo : q) {
                b.next(qo, Const.of(qo.shape(), 0));
            }
        }).elseWhen(finishing, b -> {
            b.next(running, Const.of(Shape.bool(), 0));
            b.next(done, Const.of(Shape.bool(), 1));
            for (Reg yo : y) {
                b.next(yo, yo.minus(correction).truncate(OUTPUT_BITS));
            }
        }).elseWhen(finish, b -> {
            b.next(cycles, cycles.plus(Const.of(Shape.u(1), 1)).truncate(40));
            b.next(conversions, conversions.plus(Const.of(Shape.u(1), 1)).truncate(40));
            b.next(phase, Mux.of(lastCol.and(lastPart).and(lastT), Const.of(Shape.u(2), FINAL),
                    Const.of(Shape.u(2), SAMPLE)));
            b.next(col, Mux.of(lastCol, Const.of(col.shape(), 0), col.plus(Const.of(Shape.u(1), 1))
                    .truncate(col.width())));
            b.next(part, Mux.of(lastCol, Mux.of(lastPart, Const.of(part.shape(), 0), part.plus(Const.of(Shape.u(1),
                    1)).truncate(part.width())), part));
            b.next(t, Mux.of(lastCol.and(lastPart), t.plus(Const.of(Shape.u(1), 1)).truncate(t.width()), t));
            for (int o = 0; o < outputs; o++) {
                Reg yo = y.get(o);
                b.next(yo, Mux.of(mine.get(o), yo.plus(signedContribution), yo).truncate(OUTPUT_BITS));
                if (scaled) {
                    Reg qo = q.get(o);
                    b.next(qo, Mux.of(mine.get(o), qo.plus(codeContribution), qo).truncate(OUTPUT_BITS));
                }
            }
        }).elseWhen(counting, b -> {
            b.next(cycles, cycles.plus(Const.of(Shape.u(1), 1)).truncate(40));
            b.next(phase, Mux.of(sampling.and(twoHigh), Const.of(Shape.u(2), INTERVAL), Const.of(Shape.u(2),
                    DECIDE)));
            b.next(bit, Mux.of(sampling, firstBit, Mux.of(interval, Mux.of(high, effective.minus(Const.of(
                    Shape.u(1), 1)).truncate(5).asUnsigned(), Const.of(Shape.u(5), Math.max(0, tBits - 1))),
                    bit.minus(Const.of(Shape.u(1), 1)).truncate(5).asUnsigned())));
            b.next(stop, Mux.of(interval.and(high), Const.of(Shape.u(5), pBits), Mux.of(interval.or(sampling),
                    Const.of(Shape.u(5), 0), stop)));
            b.next(offset, Mux.of(interval.and(high), Const.of(Shape.u(n), half), Mux.of(interval.or(sampling),
                    Const.of(Shape.u(n), 0), offset)));
            b.next(code, Mux.of(deciding, codeNext, Const.of(Shape.u(n), 0)));
        });
        for (int o = 0; o < outputs; o++) {
            m.drive(m.out("y_" + o, Shape.s(OUTPUT_BITS)), y.get(o));
            if (scaled) {
                m.drive(m.out("q_" + o, Shape.s(OUTPUT_BITS)), q.get(o));
            }
        }
        m.drive(m.out("comparator_cycles", Shape.u(40)), cycles);
        m.drive(m.out("conversions", Shape.u(40)), conversions);
        m.drive(m.out("done", Shape.bool()), done);
        m.drive(m.out("busy", Shape.bool()), running);
        return m.build();
    }

    /**
     * Per code c of an n-bit converter, the smallest integer column sum in 0..maxSum that {@code quantiser} maps to c
     * or above (maxSum + 1 when none does); the quantiser is monotonic, so a binary search finds it.
     */
    static long[] thresholds(int n, long maxSum, java.util.function.DoubleToLongFunction quantiser) {
        long[] out = new long[1 << n];
        for (int c = 0; c < out.length; c++) {
            long lo = 0;
            long hi = maxSum + 1;
            while (lo < hi) {
                long mid = (lo + hi) >>> 1;
                if (quantiser.applyAsLong(mid) >= c) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            out[c] = lo;
        }
        return out;
    }

    /** A constant table indexed by {@code index} (a mux chain). */
    private static Expr table(ModuleBuilder m, String name, Expr index, long[] values) {
        long max = 0;
        for (long v : values) {
            max = Math.max(max, v);
        }
        Shape shape = Shape.u(Math.max(1, Bits.unsignedWidthOf(max)));
        Expr out = Const.of(shape, values[0]);
        for (int c = 1; c < values.length; c++) {
            out = Mux.of(index.eq(Const.of(index.shape(), c)), Const.of(shape, values[c]), out);
        }
        return wire(m, name, out);
    }

    private static int partitionOf(CrossbarMvm mvm, int row) {
        for (int pp = 0; pp < mvm.partitions(); pp++) {
            if (row < mvm.partitionStart(pp + 1)) {
                return pp;
            }
        }
        throw new IllegalArgumentException("row " + row + " is in no partition");
    }

    /** The stored level of row k in the selected column, a mux over the column counter. */
    private static Expr levelRom(CrossbarMvm mvm, int k, Expr col, int cellBits) {
        Expr level = Const.of(Shape.u(cellBits), 0);
        for (int c = 0; c < mvm.columns(); c++) {
            int v = mvm.storedLevel(c, k);
            if (v != 0) {
                level = Mux.of(col.eq(Const.of(col.shape(), c)), Const.of(Shape.u(cellBits), v), level);
            }
        }
        return level;
    }

    @FunctionalInterface
    private interface Table {
        long value(int partition, int column);
    }

    /** A constant table indexed by (partition, column) as a mux chain. */
    private static Expr rom(ModuleBuilder m, String name, Expr part, Expr col, int partitions, int columns, int bits,
                            Table table) {
        Expr out = Const.of(Shape.u(bits), 0);
        for (int pp = 0; pp < partitions; pp++) {
            for (int c = 0; c < columns; c++) {
                long v = table.value(pp, c);
                if (v != 0) {
                    Expr hit = col.eq(Const.of(col.shape(), c));
                    if (partitions > 1) {
                        hit = hit.and(part.eq(Const.of(part.shape(), pp)));
                    }
                    out = Mux.of(hit, Const.of(Shape.u(bits), v), out);
                }
            }
        }
        return wire(m, name, out);
    }

    private static Shape counter(int count) {
        return Shape.u(Math.max(1, Bits.unsignedWidthOf(Math.max(0, count - 1))));
    }

    private static Wire wire(ModuleBuilder m, String name, Expr value) {
        Wire w = m.wire(name, value.shape());
        m.drive(w, value);
        return w;
    }
}
