package io.bitforge.verilog.gen;

import io.bitforge.core.arith.Bits;
import io.bitforge.verilog.hdl.Const;
import io.bitforge.verilog.hdl.Expr;
import io.bitforge.verilog.hdl.Instance;
import io.bitforge.verilog.hdl.ModuleBuilder;
import io.bitforge.verilog.hdl.ModuleDef;
import io.bitforge.verilog.hdl.Mux;
import io.bitforge.verilog.hdl.Port;
import io.bitforge.verilog.hdl.Reg;
import io.bitforge.verilog.hdl.Shape;

import java.util.ArrayList;
import java.util.List;

/**
 * A pin-light top level for a systolic array on a small FPGA package (the bare array has more I/O than a
 * 48-pin UP5K package offers). Operands are shifted in a byte at a time on {@code din}: with {@code ld_a}
 * high the A shift register moves one row down (the first byte ends in row rows−1), with {@code ld_b} the B
 * register one column; {@code step} enables the array for one edge on the next cycle; {@code clr} clears it.
 * Results are read a byte at a time: {@code sel} = (i·cols + j)·bytes + byte picks a byte of C[i][j],
 * least significant first; {@code dout} shows it two cycles later (sel and dout are registered).
 */
public final class SystolicWrapper {
    private SystolicWrapper() {
    }

    public static String moduleName(SystolicArray.Params p) {
        return "top_" + p.moduleName();
    }

    public static ModuleDef build(SystolicArray.Params p) {
        if (p.dataBits() != 8) {
            throw new IllegalArgumentException("the byte-serial wrapper needs 8-bit operands, got " + p.dataBits());
        }
        ModuleDef array = SystolicArray.build(p);
        int bytesPerResult = (p.accBits() + 7) / 8;
        int results = p.rows() * p.cols() * bytesPerResult;
        int selBits = Math.max(1, Bits.ceilLog2(results));
        ModuleBuilder m = ModuleBuilder.named(moduleName(p)).doc("byte-serial wrapper around " + p.moduleName());
        Port din = m.in("din", Shape.u(8));
        Port ldA = m.in("ld_a", Shape.bool());
        Port ldB = m.in("ld_b", Shape.bool());
        Port step = m.in("step", Shape.bool());
        Port clr = m.in("clr", Shape.bool());
        Port sel = m.in("sel", Shape.u(selBits));
        Port dout = m.out("dout", Shape.u(8));
        Shape data = Shape.s(8);
        Reg[] a = shiftChain(m, "a_sh", p.rows(), din.asSigned(), ldA, data);
        Reg[] b = shiftChain(m, "b_sh", p.cols(), din.asSigned(), ldB, data);
        Reg stepQ = m.reg("step_q", Shape.bool(), 0);
        Reg clrQ = m.reg("clr_q", Shape.bool(), 0);
        Reg selQ = m.reg("sel_q", Shape.u(selBits), 0);
        Reg doutQ = m.reg("dout_q", Shape.u(8), 0);
        m.next(stepQ, step);
        m.next(clrQ, clr);
        m.next(selQ, sel);
        Instance u = m.instance("u_array", array);
        u.connect("en", stepQ).connect("clr", clrQ);
        for (int i = 0; i < p.rows(); i++) {
            u.connect("a_" + i, a[i]);
        }
        for (int j = 0; j < p.cols(); j++) {
            u.connect("b_" + j, b[j]);
        }
        List<Expr> bytes = new ArrayList<>();
        for (int i = 0; i < p.rows(); i++) {
            for (int j = 0; j < p.cols(); j++) {
                Expr c = u.out("c_" + i + "_" + j);
                for (int k = 0; k < bytesPerResult; k++) {
                    int hi = Math.min(c.width() - 1, 8 * k + 7);
                    bytes.add(c.slice(hi, 8 * k).resize(Shape.u(8)));
                }
            }
        }
        m.next(doutQ, select(selQ, bytes, 0, selBits - 1));
        m.drive(dout, doutQ);
        return m.build();
    }

    private static Reg[] shiftChain(ModuleBuilder m, String name, int length, Expr in, Expr load, Shape shape) {
        Reg[] regs = new Reg[length];
        for (int i = 0; i < length; i++) {
            regs[i] = m.reg(name + "_" + i, shape, 0);
        }
        for (int i = 0; i < length; i++) {
            m.next(regs[i], i == 0 ? in : regs[i - 1], load);
        }
        return regs;
    }

    /** A balanced mux tree choosing the byte {@code choices[index]}; indexes past the end give zero. */
    public static Expr select(Expr index, List<Expr> choices, int offset, int bit) {
        if (bit < 0) {
            return offset < choices.size() ? choices.get(offset) : Const.of(Shape.u(8), 0);
        }
        int half = 1 << bit;
        if (offset + half >= choices.size()) {
            // the upper half is padding past the last choice
            return Mux.of(index.bit(bit), Const.of(Shape.u(8), 0), select(index, choices, offset, bit - 1));
        }
        return Mux.of(index.bit(bit), select(index, choices, offset + half, bit - 1),
                select(index, choices, offset, bit - 1));
    }
}
