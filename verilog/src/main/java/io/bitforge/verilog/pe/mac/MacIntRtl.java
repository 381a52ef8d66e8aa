package io.bitforge.verilog.pe.mac;

import io.bitforge.core.pe.CellTiming;
import io.bitforge.core.spec.Dataflow;
import io.bitforge.pe.mac.MacIntParams;
import io.bitforge.pe.mac.MacIntTile;
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
 * {@code mac-int} RTL: one bit-parallel multiplier of the parameter widths (each operand two's complement or
 * unsigned) into the family's 32-bit accumulator ({@link MacIntTile#ACCUMULATOR_BITS}), one MAC per cycle.
 */
public record MacIntRtl(MacIntParams params) implements PeRtl {
    @Override
    public String familyId() {
        return "mac-int";
    }

    @Override
    public String modeName() {
        return "w" + params.weightBits() + (params.weightSigned() ? "s" : "u") + "a" + params.activationBits()
                + (params.activationSigned() ? "s" : "u");
    }

    @Override
    public CellTiming timing() {
        return CellTiming.SINGLE_MAC;
    }

    @Override
    public Set<Dataflow> dataflows() {
        // ws and is wrap the output-stationary cell (StationaryCell): its sums are two's complement, so partial sums add
        return EnumSet.allOf(Dataflow.class);
    }

    @Override
    public int activationCodeBits() {
        return params.activationBits();
    }

    @Override
    public int weightCodeBits() {
        return params.weightBits();
    }

    @Override
    public int accumulatorBits() {
        return MacIntTile.ACCUMULATOR_BITS;
    }

    @Override
    public ModuleDef cell(Dataflow dataflow) {
        if (dataflow != Dataflow.OS) {
            throw new HdlException("mac-int RTL builds the output-stationary cell only, not " + dataflow);
        }
        int accBits = accumulatorBits();
        ModuleBuilder m = ModuleBuilder.named("mac_int_os_" + modeName())
                .doc("mac-int output-stationary cell: " + params.activationFormat() + " x " + params.weightFormat()
                        + " into a wrapping s" + accBits + " accumulator");
        Port aIn = m.in("a_in", Shape.u(params.activationBits()));
        Port bIn = m.in("b_in", Shape.u(params.weightBits()));
        Port en = m.in("en", Shape.bool());
        Port start = m.in("start", Shape.bool());
        Reg aQ = m.reg("a_q", aIn.shape(), 0);
        Reg bQ = m.reg("b_q", bIn.shape(), 0);
        Reg acc = m.reg("acc_q", Shape.s(accBits), 0);
        Expr a = params.activationSigned() ? aIn.asSigned() : aIn;
        Expr b = params.weightSigned() ? bIn.asSigned() : bIn;
        Expr product = a.times(b);
        // a fold's first step replaces the sum instead of adding to it
        Expr previous = Mux.of(start, Const.of(Shape.s(accBits), 0), acc);
        m.when(en, s -> {
            s.next(acc, previous.plusWrapped(product));
            s.next(aQ, aIn);
            s.next(bQ, bIn);
        });
        m.drive(m.out("a_out", aIn.shape()), aQ);
        m.drive(m.out("b_out", bIn.shape()), bQ);
        m.drive(m.out("acc_0_0", Shape.s(accBits)), acc);
        return m.build();
    }

    @Override
    public long[] activationCodes() {
        return CodeRange.all(params.activationBits());
    }

    @Override
    public long[] weightCodes() {
        return CodeRange.all(params.weightBits());
    }

    @Override
    public ReferenceGemm reference() {
        return new MacIntTile(params)::gemm;
    }
}
