package io.bitforge.verilog.pe.mac;

import io.bitforge.core.arith.FloatLayout;
import io.bitforge.core.arith.FloatParts;
import io.bitforge.core.pe.CellTiming;
import io.bitforge.core.spec.Dataflow;
import io.bitforge.pe.mac.MacFpParams;
import io.bitforge.pe.mac.MacFpTile;
import io.bitforge.verilog.gen.fp.FpAdder;
import io.bitforge.verilog.gen.fp.FpMultiplier;
import io.bitforge.verilog.hdl.Const;
import io.bitforge.verilog.hdl.Expr;
import io.bitforge.verilog.hdl.HdlException;
import io.bitforge.verilog.hdl.ModuleBuilder;
import io.bitforge.verilog.hdl.ModuleDef;
import io.bitforge.verilog.hdl.Mux;
import io.bitforge.verilog.hdl.Port;
import io.bitforge.verilog.hdl.Reg;
import io.bitforge.verilog.hdl.Shape;
import io.bitforge.verilog.pe.PeRtl;
import io.bitforge.verilog.pe.ReferenceGemm;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.LongStream;

/**
 * {@code mac-fp} RTL: an FP16 (or BF16) multiplier whose product is rounded into FP32 ({@link FpMultiplier}) and an
 * FP32 adder ({@link FpAdder}) into an FP32 accumulator register, one MAC per cycle, round to nearest even — the
 * family's functional model {@link MacFpTile}. The accumulator port carries the FP32 bit pattern (as s32 on the
 * array's result ports; the reference's codes are read the same way).
 */
public record MacFpRtl(MacFpParams params) implements PeRtl {
    @Override
    public String familyId() {
        return "mac-fp";
    }

    @Override
    public String modeName() {
        return params.format();
    }

    @Override
    public CellTiming timing() {
        return CellTiming.SINGLE_MAC;
    }

    @Override
    public Set<Dataflow> dataflows() {
        return EnumSet.of(Dataflow.OS);
    }

    private FloatLayout operands() {
        return new MacFpTile(params).operands();
    }

    @Override
    public int activationCodeBits() {
        return 16;
    }

    @Override
    public int weightCodeBits() {
        return 16;
    }

    @Override
    public int accumulatorBits() {
        return 32;
    }

    @Override
    public ModuleDef cell(Dataflow dataflow) {
        if (dataflow != Dataflow.OS) {
            throw new HdlException("mac-fp RTL builds the output-stationary cell only, not " + dataflow);
        }
        FloatLayout in = operands();
        ModuleBuilder m = ModuleBuilder.named("mac_fp_os_" + modeName())
                .doc("mac-fp output-stationary cell: " + params.format() + " x " + params.format()
                        + " -> fp32 product, fp32 accumulate, round to nearest even");
        Port aIn = m.in("a_in", Shape.u(16));
        Port bIn = m.in("b_in", Shape.u(16));
        Port en = m.in("en", Shape.bool());
        Port start = m.in("start", Shape.bool());
        Reg aQ = m.reg("a_q", aIn.shape(), 0);
        Reg bQ = m.reg("b_q", bIn.shape(), 0);
        Reg acc = m.reg("acc_q", Shape.u(32), 0);
        Expr product = FpMultiplier.multiply(m, "mul", aIn, in, bIn, in, FloatLayout.FP32);
        // a fold's first step adds to +0, as the functional model's accumulator starts
        Expr previous = Mux.of(start, Const.of(Shape.u(32), 0), acc);
        Expr sum = FpAdder.add(m, "add", previous, product, FloatLayout.FP32);
        m.when(en, s -> {
            s.next(acc, sum);
            s.next(aQ, aIn);
            s.next(bQ, bIn);
        });
        m.drive(m.out("a_out", aIn.shape()), aQ);
        m.drive(m.out("b_out", bIn.shape()), bQ);
        m.drive(m.out("acc_0_0", Shape.s(32)), acc.asSigned());
        return m.build();
    }

    /** The finite codes (infinities and NaN are covered by the FP block tests; here they would flood the sums). */
    private long[] finiteCodes() {
        FloatLayout in = operands();
        return LongStream.range(0, 1 << 16).filter(c -> {
            FloatParts.Kind kind = FloatParts.of(c, in).kind();
            return kind == FloatParts.Kind.FINITE || kind == FloatParts.Kind.ZERO;
        }).toArray();
    }

    @Override
    public long[] activationCodes() {
        return finiteCodes();
    }

    @Override
    public long[] weightCodes() {
        return finiteCodes();
    }

    @Override
    public ReferenceGemm reference() {
        MacFpTile tile = new MacFpTile(params);
        return (a, b, m, k, n) -> {
            long[] c = tile.gemm(a, b, m, k, n);
            for (int i = 0; i < c.length; i++) {
                c[i] = (int) c[i]; // the FP32 pattern as the s32 result port reads it
            }
            return c;
        };
    }
}
