package io.bitforge.verilog.gen;

import io.bitforge.verilog.hdl.Const;
import io.bitforge.verilog.hdl.Expr;
import io.bitforge.verilog.hdl.ModuleBuilder;
import io.bitforge.verilog.hdl.ModuleDef;
import io.bitforge.verilog.hdl.Mux;
import io.bitforge.verilog.hdl.Port;
import io.bitforge.verilog.hdl.Shape;

/**
 * Clamps a signed value into a narrower signed range. It compares against a negative constant, the pattern a
 * Verilog printer gets wrong when it writes the constant as unary minus of a sized literal (an unsigned
 * expression, so the comparison silently becomes unsigned); the emitter must print it as a {@code $signed}
 * bit pattern.
 */
public final class Saturator {
    private Saturator() {
    }

    public static ModuleDef build(int inBits, int outBits) {
        ModuleBuilder m = ModuleBuilder.named("saturate_s" + inBits + "_s" + outBits)
                .doc("clamp s" + inBits + " to s" + outBits);
        Port x = m.in("x", Shape.s(inBits));
        Port y = m.out("y", Shape.s(outBits));
        Const lo = Const.of(Shape.s(outBits), -(1L << (outBits - 1)));
        Const hi = Const.of(Shape.s(outBits), (1L << (outBits - 1)) - 1);
        Expr clamped = Mux.of(x.lt(lo), lo, Mux.of(x.gt(hi), hi, x));
        m.drive(y, clamped.truncate(outBits));
        return m.build();
    }
}
