package io.bitforge.verilog.gen;

import io.bitforge.verilog.hdl.ModuleBuilder;
import io.bitforge.verilog.hdl.ModuleDef;
import io.bitforge.verilog.hdl.Port;
import io.bitforge.verilog.hdl.Reg;
import io.bitforge.verilog.hdl.Shape;

/** A wrapping up-counter with enable: {@code count} increments on every edge with {@code en} high. */
public final class Counter {
    private Counter() {
    }

    public static ModuleDef build(int width) {
        ModuleBuilder m = ModuleBuilder.named("counter_w" + width).doc(width + "-bit wrapping counter with enable");
        Port en = m.in("en", Shape.bool());
        Port count = m.out("count", Shape.u(width));
        Reg r = m.reg("value", Shape.u(width), 0);
        m.next(r, r.plus(1).truncate(width), en);
        m.drive(count, r);
        return m.build();
    }
}
