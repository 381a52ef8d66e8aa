package io.bitforge.verilog.hdl;

import java.util.function.Consumer;

/** Where assignments go: the module body or the body of a conditional block. The last assignment wins. */
public interface Scope {
    /** Drives a wire or output port. */
    void drive(Net target, Expr value);

    /** Sets a register's next value. */
    void next(Reg reg, Expr value);

    /** A conditional block; chain {@code elseWhen}/{@code otherwise} on the result. */
    WhenChain when(Expr condition, Consumer<Scope> body);
}
