package io.bitforge.verilog.gen;

import io.bitforge.verilog.hdl.Const;
import io.bitforge.verilog.hdl.ModuleBuilder;
import io.bitforge.verilog.hdl.ModuleDef;
import io.bitforge.verilog.hdl.Port;
import io.bitforge.verilog.hdl.Reg;
import io.bitforge.verilog.hdl.Shape;

/**
 * A signed 16×16 multiply-accumulate written the way Yosys folds it into one iCE40 SB_MAC16: reset-less input
 * registers (Yosys's ice40_dsp pass does not absorb registers with a synchronous reset), a 32-bit accumulator
 * with synchronous reset and clear: {@code acc <= clr ? 0 : acc + a_q * b_q}.
 */
public final class Mac16 {
    private Mac16() {
    }

    public static ModuleDef build() {
        ModuleBuilder m = ModuleBuilder.named("mac16_acc32").doc("signed 16x16 MAC, 32-bit accumulator, "
                + "reset-less input registers (maps to one SB_MAC16)");
        Port a = m.in("a", Shape.s(16));
        Port b = m.in("b", Shape.s(16));
        Port clr = m.in("clr", Shape.bool());
        Port out = m.out("acc", Shape.s(32));
        Reg aq = m.regNoReset("a_q", Shape.s(16));
        Reg bq = m.regNoReset("b_q", Shape.s(16));
        Reg acc = m.reg("acc_q", Shape.s(32), 0);
        m.next(aq, a);
        m.next(bq, b);
        m.when(clr, s -> s.next(acc, Const.of(Shape.s(32), 0)))
                .otherwise(s -> s.next(acc, acc.plus(aq.times(bq)).truncate(32)));
        m.drive(out, acc);
        return m.build();
    }
}
