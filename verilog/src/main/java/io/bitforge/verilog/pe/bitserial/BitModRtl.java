package io.bitforge.verilog.pe.bitserial;

import io.bitforge.core.arith.Bits;
import io.bitforge.core.format.BitmodMixture;
import io.bitforge.core.format.IntFormat;
import io.bitforge.core.format.NumberFormat;
import io.bitforge.core.format.NumberFormats;
import io.bitforge.core.pe.CellTiming;
import io.bitforge.core.spec.Dataflow;
import io.bitforge.pe.bitserial.BitSerialParams;
import io.bitforge.pe.bitserial.UnifiedTerms;
import io.bitforge.verilog.hdl.Concat;
import io.bitforge.verilog.hdl.Const;
import io.bitforge.verilog.hdl.Expr;
import io.bitforge.verilog.hdl.HdlException;
import io.bitforge.verilog.hdl.Memory;
import io.bitforge.verilog.hdl.ModuleBuilder;
import io.bitforge.verilog.hdl.ModuleDef;
import io.bitforge.verilog.hdl.Mux;
import io.bitforge.verilog.hdl.Port;
import io.bitforge.verilog.hdl.ReadUnderWrite;
import io.bitforge.verilog.hdl.Reg;
import io.bitforge.verilog.hdl.Shape;
import io.bitforge.verilog.pe.CodeRange;
import io.bitforge.verilog.pe.PeRtl;
import io.bitforge.verilog.pe.ReferenceGemm;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code bit-serial} BitMoD term-engine RTL with integer activations (Chen et al., HPCA 2025; cycle rule
 * yc2367/BitMoD-HPCA-25 {@code pe_array.py}): a {@code lanes}-wide dot-product cell; a step holds one weight per
 * lane for ⌈⌊w⌋/2⌉ cycles, and in cycle c of the step every lane adds {@code a · digit · 4^position} for its
 * weight's c-th unified term (DESIGN's bit-serial convention: two weight bits, one radix-4 digit, per cycle). The
 * per-group data type (a BitMoD mixture's choice) rides beside each weight code as {@code choice << w | code} and
 * selects the term decoder. Sums are in the type's integer grid units (value · 2^unitShift) in 32 bits: the
 * per-group partial sums BitMoD's dequantiser consumes; a tile is one group along K. The dequantiser (scale,
 * FP32) and FP16 activation alignment are not in this RTL.
 */
public record BitModRtl(BitSerialParams params) implements PeRtl {
    static final int ACCUMULATOR_BITS = TermReference.ACCUMULATOR_BITS;

    private List<UnifiedTerms> decoders() {
        return UnifiedTerms.forFormat(NumberFormats.parse(params.weightFormat()));
    }

    private int codeBits() {
        return NumberFormats.parse(params.weightFormat()).bits();
    }

    private int choiceBits() {
        NumberFormat f = NumberFormats.parse(params.weightFormat());
        return f instanceof BitmodMixture m ? m.selectorBits() : 0;
    }

    private IntFormat activations() {
        return (IntFormat) NumberFormats.parse(params.activationFormat());
    }

    @Override
    public String familyId() {
        return "bit-serial";
    }

    @Override
    public String modeName() {
        return "bitmod_" + params.weightFormat().replace('-', '_').replace('+', 'p') + "_" + params.activationFormat()
                + "_l" + params.lanes();
    }

    @Override
    public CellTiming timing() {
        return new CellTiming(1, params.lanes(), 1, UnifiedTerms.cyclesPerWeight(codeBits()));
    }

    @Override
    public Set<Dataflow> dataflows() {
        // ws and is wrap the output-stationary cell (StationaryCell): its sums are two's complement, so partial sums add
        return EnumSet.allOf(Dataflow.class);
    }

    @Override
    public int activationCodeBits() {
        return activations().bits();
    }

    @Override
    public int weightCodeBits() {
        return codeBits() + choiceBits();
    }

    @Override
    public int accumulatorBits() {
        return ACCUMULATOR_BITS;
    }

    @Override
    public int maxTileK() {
        return params.groupSize();
    }

    @Override
    public ModuleDef cell(Dataflow dataflow) {
        if (dataflow != Dataflow.OS) {
            throw new HdlException("bit-serial RTL builds the output-stationary cell only, not " + dataflow);
        }
        int lanes = params.lanes();
        int ab = activationCodeBits();
        int wb = weightCodeBits();
        int cycles = timing().cyclesPerStep();
        TermTable table = TermTable.of(decoders(), codeBits(), cycles);
        boolean signedActivations = activations().encoding() == IntFormat.Encoding.TWOS_COMPLEMENT;
        Shape acc = Shape.s(ACCUMULATOR_BITS);
        ModuleBuilder m = ModuleBuilder.named("bitmod_os_" + modeName())
                .doc("BitMoD term engine: " + lanes + " lanes of " + params.activationFormat() + " x "
                        + params.weightFormat() + ", one radix-4 term per lane per cycle, " + cycles
                        + " cycles per step");
        Port aIn = m.in("a_in", Shape.u(lanes * ab));
        Port bIn = m.in("b_in", Shape.u(lanes * wb));
        Port en = m.in("en", Shape.bool());
        Port start = m.in("start", Shape.bool());
        Port phase = cycles > 1 ? m.in("phase", Shape.u(Math.max(1, Bits.unsignedWidthOf(cycles - 1)))) : null;
        Expr lastPhase = phase == null ? en : en.and(phase.eq(cycles - 1));
        Reg aQ = m.reg("a_q", aIn.shape(), 0);
        Reg bQ = m.reg("b_q", bIn.shape(), 0);
        m.next(aQ, aIn, lastPhase);
        m.next(bQ, bIn, lastPhase);
        m.drive(m.out("a_out", aIn.shape()), aQ);
        m.drive(m.out("b_out", bIn.shape()), bQ);
        // the term decoder as a small ROM (read combinationally): address {phase, choice, code}, word {digit, shift}
        int shiftBits = Math.max(1, Bits.unsignedWidthOf(table.maxShift()));
        int keyBits = wb;
        int phaseBits = phase == null ? 0 : phase.width();
        List<Long> words = new ArrayList<>();
        for (int c = 0; c < 1 << phaseBits; c++) {
            for (int key = 0; key < 1 << keyBits; key++) {
                boolean present = c < cycles && key < table.digits().length;
                long d = present ? table.digits()[key][c] : 0;
                long sh = present ? table.shifts()[key][c] : 0;
                words.add((Bits.truncate(d, 3) << shiftBits) | sh);
            }
        }
        Memory rom = m.memory("terms", Shape.u(3 + shiftBits), words.size(), words, ReadUnderWrite.READ_FIRST);
        Expr stepSum = null;
        for (int lane = 0; lane < lanes; lane++) {
            Expr code = aIn.slice(lane * ab + ab - 1, lane * ab);
            Expr a = signedActivations ? code.asSigned() : code.resize(Shape.u(ab + 1)).asSigned();
            Expr key = bIn.slice(lane * wb + wb - 1, lane * wb);
            Expr address = phase == null ? key : Concat.of(List.of(phase, key));
            Expr word = m.readAsync(rom, "term_" + lane, address.resize(Shape.u(rom.addressWidth())));
            Expr digit = word.slice(shiftBits + 2, shiftBits).asSigned();
            Expr shift = word.slice(shiftBits - 1, 0);
            // |digit| = 2 doubles the activation; a negative digit subtracts; digit 0 adds nothing
            Expr magnitude = Mux.of(digit.eq(2).or(digit.eq(-2)), a.shl(1), a);
            Expr signedTerm = Mux.of(digit.lt(Const.of(Shape.s(3), 0)), magnitude.neg(),
                    Mux.of(digit.eq(0), Const.of(Shape.s(1), 0), magnitude));
            Expr contribution = signedTerm.shl(shift);
            stepSum = stepSum == null ? contribution : stepSum.plus(contribution);
        }
        Reg sum = m.reg("acc_q", acc, 0);
        Expr previous = Mux.of(start, Const.of(acc, 0), sum);
        m.next(sum, previous.plusWrapped(stepSum.resize(stepSum.width() > ACCUMULATOR_BITS ? acc
                : stepSum.shape())), en);
        m.drive(m.out("acc_0_0", acc), sum);
        return m.build();
    }

    @Override
    public long[] activationCodes() {
        return CodeRange.all(activationCodeBits());
    }

    /** Every valid (choice, code) key. */
    @Override
    public long[] weightCodes() {
        List<UnifiedTerms> decoders = decoders();
        int codeBits = codeBits();
        List<Long> keys = new ArrayList<>();
        for (int choice = 0; choice < decoders.size(); choice++) {
            for (int code = 0; code < 1 << codeBits; code++) {
                if (TermTable.valid(decoders.get(choice), code)) {
                    keys.add((long) choice << codeBits | code);
                }
            }
        }
        return keys.stream().mapToLong(Long::longValue).toArray();
    }

    /** Σ_k a_k · (Σ of the weight's unified terms), from pe-models' decoder, wrapped to 32 bits. */
    @Override
    public ReferenceGemm reference() {
        return TermReference.of(params);
    }
}
