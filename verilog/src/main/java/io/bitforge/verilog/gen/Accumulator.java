package io.bitforge.verilog.gen;

import io.bitforge.verilog.hdl.Const;
import io.bitforge.verilog.hdl.ModuleBuilder;
import io.bitforge.verilog.hdl.ModuleDef;
import io.bitforge.verilog.hdl.Port;
import io.bitforge.verilog.hdl.Reg;
import io.bitforge.verilog.hdl.Shape;

/**
 * A signed accumulator: {@code acc <= clr ? 0 : en ? wrap(acc + x) : acc}, wrapping to {@code accBits} as
 * two's-complement hardware does.
 */
public final class Accumulator {
    private Accumulator() {
    }

    public static ModuleDef build(int inBits, int accBits) {
        ModuleBuilder m = ModuleBuilder.named("accumulator_i" + inBits + "_a" + accBits)
                .doc("signed accumulator, " + inBits + "-bit input, " + accBits + "-bit wrapping sum");
        Port x = m.in("x", Shape.s(inBits));
        Port en = m.in("en", Shape.bool());
        Port clr = m.in("clr", Shape.bool());
        Port out = m.out("acc", Shape.s(accBits));
        Reg acc = m.reg("sum", Shape.s(accBits), 0);
        m.when(clr, s -> s.next(acc, Const.of(Shape.s(accBits), 0)))
                .elseWhen(en, s -> s.next(acc, acc.plus(x).truncate(accBits)));
        m.drive(out, acc);
        return m.build();
    }
}
