package io.bitforge.verilog.gen.fp;

import io.bitforge.verilog.hdl.Expr;
import io.bitforge.verilog.hdl.ModuleBuilder;
import io.bitforge.verilog.hdl.Wire;

/** Names an intermediate value with a wire, so that the emitted Verilog shares it instead of repeating it. */
final class Named {
    private Named() {
    }

    static Wire wire(ModuleBuilder m, String name, Expr value) {
        Wire w = m.wire(name, value.shape());
        m.drive(w, value);
        return w;
    }
}
