package io.bitforge.verilog.pe.bitserial;

import io.bitforge.core.arith.Bits;
import io.bitforge.core.format.IntFormat;
import io.bitforge.core.format.NumberFormats;
import io.bitforge.core.pe.CellTiming;
import io.bitforge.core.spec.Dataflow;
import io.bitforge.pe.bitserial.BitSerialParams;
import io.bitforge.pe.bitserial.TimingMode;
import io.bitforge.verilog.hdl.Const;
import io.bitforge.verilog.hdl.Expr;
import io.bitforge.verilog.hdl.HdlException;
import io.bitforge.verilog.hdl.ModuleBuilder;
import io.bitforge.verilog.hdl.ModuleDef;
import io.bitforge.verilog.hdl.Mux;
import io.bitforge.verilog.hdl.Port;
import io.bitforge.verilog.hdl.Reg;
import io.bitforge.verilog.hdl.Shape;
import io.bitforge.verilog.pe.CodeRange;
import io.bitforge.verilog.pe.PeRtl;
import io.bitforge.verilog.pe.ReferenceGemm;

import java.util.EnumSet;
import java.util.Set;

/**
 * {@code bit-serial} RTL for the Stripes and Loom timing modes, integer weights and activations: a {@code lanes}-wide
 * dot-product cell that takes one operand {@code bitsPerCycle} bits per cycle. Stripes (Judd et al., MICRO 2016)
 * serialises the activations and holds the weights parallel; Loom (Sharify et al., DAC 2018) serialises the weights
 * and, for fully connected layers and every other GEMM (what an array tile is), feeds the activations parallel. So
 * a step takes ⌈P/b⌉ cycles for the serial operand's width P, the engine's rule ({@code BitSerialFamily}), and in
 * cycle c every lane adds {@code parallel · digit_c · 2^(c·b)} where digit_c is bits {@code [c·b +: b]} of the
 * serial operand (the top digit signed for a two's-complement operand). Sums in a wrapping 32-bit accumulator, as
 * the family's functional model ({@link TermReference}) holds them.
 */
public record SerialIntRtl(BitSerialParams params) implements PeRtl {
    public SerialIntRtl {
        if (params.timing() == TimingMode.BITMOD) {
            throw new IllegalArgumentException("BitMoD timing is BitModRtl's");
        }
        if (!(NumberFormats.parse(params.weightFormat()) instanceof IntFormat)
                || !(NumberFormats.parse(params.activationFormat()) instanceof IntFormat)) {
            throw new IllegalArgumentException("Stripes and Loom RTL take integer weights and activations");
        }
    }

    private IntFormat weights() {
        return (IntFormat) NumberFormats.parse(params.weightFormat());
    }

    private IntFormat activations() {
        return (IntFormat) NumberFormats.parse(params.activationFormat());
    }

    private boolean activationsSerial() {
        return params.timing() == TimingMode.STRIPES;
    }

    @Override
    public String familyId() {
        return "bit-serial";
    }

    @Override
    public String modeName() {
        return params.timing().id() + "_w" + params.weightFormat() + "_a" + params.activationFormat() + "_l"
                + params.lanes() + "_b" + params.bitsPerCycle();
    }

    @Override
    public CellTiming timing() {
        int serialBits = activationsSerial() ? activations().bits() : weights().bits();
        return new CellTiming(1, params.lanes(), 1, (serialBits + params.bitsPerCycle() - 1) / params.bitsPerCycle());
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
        return weights().bits();
    }

    @Override
    public int accumulatorBits() {
        return TermReference.ACCUMULATOR_BITS;
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
        int b = params.bitsPerCycle();
        int cycles = timing().cyclesPerStep();
        boolean aSigned = activations().encoding() == IntFormat.Encoding.TWOS_COMPLEMENT;
        boolean wSigned = weights().encoding() == IntFormat.Encoding.TWOS_COMPLEMENT;
        Shape acc = Shape.s(accumulatorBits());
        ModuleBuilder m = ModuleBuilder.named("serial_os_" + modeName())
                .doc(params.timing().id() + " bit-serial cell: " + lanes + " lanes of " + params.activationFormat()
                        + " x " + params.weightFormat() + ", " + (activationsSerial() ? "activations" : "weights")
                        + " " + b + " bits per cycle, " + cycles + " cycles per step");
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
        // the digit's weight 2^(c·b): a shift by phase·b
        Expr shift = phase == null ? null : phase.times(Const.smallest(b));
        Expr stepSum = null;
        for (int lane = 0; lane < lanes; lane++) {
            Expr aCode = aIn.slice(lane * ab + ab - 1, lane * ab);
            Expr wCode = bIn.slice(lane * wb + wb - 1, lane * wb);
            Expr serial = activationsSerial() ? aCode : wCode;
            Expr parallel = activationsSerial() ? value(wCode, wSigned) : value(aCode, aSigned);
            Expr digit = digit(serial, activationsSerial() ? aSigned : wSigned, b, cycles, phase);
            Expr product = parallel.times(digit);
            Expr contribution = shift == null ? product : product.shl(shift);
            stepSum = stepSum == null ? contribution : stepSum.plus(contribution);
        }
        Reg sum = m.reg("acc_q", acc, 0);
        Expr previous = Mux.of(start, Const.of(acc, 0), sum);
        m.next(sum, previous.plusWrapped(stepSum.width() > acc.width() ? stepSum.resize(acc) : stepSum), en);
        m.drive(m.out("acc_0_0", acc), sum);
        return m.build();
    }

    /** A code as its number: two's complement or unsigned (then one bit wider, signed). */
    private static Expr value(Expr code, boolean signed) {
        return signed ? code.asSigned() : code.resize(Shape.u(code.width() + 1)).asSigned();
    }

    /** Digit {@code phase} of the serial operand as s(b + 1): b bits, the top digit signed for two's complement. */
    private static Expr digit(Expr code, boolean signed, int b, int cycles, Expr phase) {
        Shape digitShape = Shape.s(b + 1);
        Expr chosen = null;
        for (int c = cycles - 1; c >= 0; c--) {
            int lo = c * b;
            int hi = Math.min(code.width() - 1, lo + b - 1);
            Expr bits = code.slice(hi, lo);
            Expr d = c == cycles - 1 && signed ? bits.asSigned().resize(digitShape)
                    : bits.resize(Shape.u(b)).resize(Shape.u(b + 1)).asSigned();
            chosen = chosen == null ? d : Mux.of(phase.eq(c), d, chosen);
        }
        return chosen;
    }

    @Override
    public long[] activationCodes() {
        return CodeRange.all(activationCodeBits());
    }

    @Override
    public long[] weightCodes() {
        return CodeRange.all(weightCodeBits());
    }

    @Override
    public ReferenceGemm reference() {
        return TermReference.of(params);
    }
}
