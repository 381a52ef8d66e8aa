package io.bitforge.verilog.array;

import io.bitforge.core.arith.Bits;
import io.bitforge.verilog.hdl.Const;
import io.bitforge.verilog.hdl.Expr;
import io.bitforge.verilog.hdl.ModuleBuilder;
import io.bitforge.verilog.hdl.Reg;
import io.bitforge.verilog.hdl.Shape;

/** Registers and shapes the array generators ({@link TileArray}, {@link StationaryArray}) share. */
final class ArrayRegs {
    private ArrayRegs() {
    }

    /** Delays {@code input} by {@code stages} steps through registers that load when {@code hop} is high. */
    static Expr skew(ModuleBuilder m, Expr input, int stages, String prefix, Expr hop) {
        Expr value = input;
        for (int s = 0; s < stages; s++) {
            Reg r = m.reg("skew_" + prefix + "_" + s, input.shape(), 0);
            m.next(r, value, hop);
            value = r;
        }
        return value;
    }

    /** {@code input} one cycle later. */
    static Reg delayed(ModuleBuilder m, String name, Expr input) {
        Reg r = m.reg(name, Shape.bool(), 0);
        m.next(r, input);
        return r;
    }

    /** An unsigned shape holding 0..max. */
    static Shape counter(long max) {
        return Shape.u(Math.max(1, Bits.unsignedWidthOf(max)));
    }

    static Expr zero(Reg r) {
        return Const.of(r.shape(), 0);
    }

    static Expr one() {
        return Const.of(Shape.bool(), 1);
    }
}
