package io.bitforge.verilog.estimate;

import io.bitforge.verilog.hdl.Expr;
import io.bitforge.verilog.hdl.ModuleBuilder;
import io.bitforge.verilog.hdl.ModuleDef;
import io.bitforge.verilog.hdl.Port;
import io.bitforge.verilog.hdl.ReadUnderWrite;
import io.bitforge.verilog.hdl.Reg;
import io.bitforge.verilog.hdl.Shape;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DesignSizeTest {
    /** u8 a, b: s = a + b (9 bits), p = a * b (8 x 8 partial-product bits), r = s registered (9 state bits). */
    private static ModuleDef leaf() {
        ModuleBuilder m = ModuleBuilder.named("leaf");
        Port a = m.in("a", Shape.u(8));
        Port b = m.in("b", Shape.u(8));
        Expr sum = a.plus(b);
        m.drive(m.out("s", Shape.u(9)), sum);
        m.drive(m.out("p", Shape.u(16)), a.times(b));
        Reg r = m.reg("r", Shape.u(9), 0);
        m.next(r, sum); // the same node as s's driver: counted once
        m.drive(m.out("q", Shape.u(9)), r);
        return m.build();
    }

    @Test
    void operatorsCountTheirBitsMultipliersTheirPartialProductsWiringNothing() {
        // by hand: adder 9 + multiplier 8*8 = 73 bit operations; the shared sum node once; register 9 bits
        assertEquals(new DesignSize(73, 9), DesignSize.of(leaf()));
    }

    @Test
    void instancesAreFlattenedOncePerInstance() {
        ModuleDef leaf = leaf();
        ModuleBuilder top = ModuleBuilder.named("top");
        Port x = top.in("x", Shape.u(8));
        Port y = top.in("y", Shape.u(8));
        var u0 = top.instance("u0", leaf).connect("a", x).connect("b", y);
        var u1 = top.instance("u1", leaf).connect("a", y).connect("b", x);
        top.drive(top.out("z", Shape.u(10)), u0.out("s").plus(u1.out("s")));
        top.memory("buf", Shape.u(16), 32, List.of(), ReadUnderWrite.UNDEFINED);
        // two leaves (73 each) + the 10-bit adder; state: two 9-bit registers + 32 x 16 memory bits
        assertEquals(new DesignSize(2 * 73 + 10, 2 * 9 + 32 * 16), DesignSize.of(top.build()));
    }

    @Test
    void aVariableShifterCostsWidthTimesItsStages() {
        ModuleBuilder m = ModuleBuilder.named("shifter");
        Port v = m.in("v", Shape.u(16));
        Port n = m.in("n", Shape.u(4));
        m.drive(m.out("o", Shape.u(16)), v.shr(n));
        // 16 bits through ceil(log2 16) = 4 stages; a constant shift is wiring
        assertEquals(64, DesignSize.of(m.build()).bitOps());
    }
}
